package dev.incidents.notifier.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the notifier under {@code incidents.*}; defaults are documented in the README. */
@ConfigMapping(prefix = "incidents")
public interface NotifierConfig {

    /** How long a subscription change may wait for Kafka to take it and for this instance to read it back. */
    @WithDefault("10s")
    Duration writeTimeout();


    Delivery delivery();

    interface Delivery {
        /** The sender of outbound email. */
        @WithDefault("Incident updates <incidents@localhost>")
        String emailFrom();

        /** How long a receiver has to answer one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts under way at once per destination (subscription): a slow one holds no more than this. */
        @WithDefault("4")
        int maxInFlightPerDestination();

        /** Waits between attempts; after the last, the message has failed. */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule();

        /**
         * Internal networks (CIDRs) deliveries may go to although the network policy refuses them: loopback,
         * private, link-local and the like are refused unless listed here. Default none.
         */
        Optional<List<String>> allowedNetworks();

        /** The hosts a SLACK target may name (https only), besides allowed networks. */
        @WithDefault("hooks.slack.com")
        List<String> slackHosts();

        /** The longest pause a receiver's Retry-After (429, 503) may ask for; longer ones are cut to it. */
        @WithDefault("1h")
        Duration longestRetryAfter();

        /** Each wait is stretched or shrunk at random by up to this share. */
        @WithDefault("0.1")
        double retryJitter();
    }

}
