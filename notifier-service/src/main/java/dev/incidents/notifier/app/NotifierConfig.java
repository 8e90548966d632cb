package dev.incidents.notifier.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the notifier under {@code incidents.*}; defaults are documented in the README. */
@ConfigMapping(prefix = "incidents")
public interface NotifierConfig {

    /** How long a subscription change may wait for Kafka to take it and for this instance to read it back. */
    @WithDefault("10s")
    Duration writeTimeout();


    /** How many subscriptions may exist at once; creating one more is refused (409) until one is deleted. */
    @WithDefault("10000")
    int maxSubscriptions();

    /** The most components one subscription may filter on; more are refused (422). */
    @WithDefault("50")
    int maxComponentsPerSubscription();

    /**
     * How long after a resolved incident's RCA is published, or a maintenance window was completed or cancelled, the
     * planner keeps what it knows of it (its brief); a reopen later than that still gets messages, without the title.
     */
    @WithDefault("30d")
    Duration forgetBriefsAfter();

    Delivery delivery();

    Secrets secrets();

    Email email();

    /** Sign-ups of status page readers, POST /public/subscriptions. */
    PublicSignUp publicSignUp();

    /** Where the public status page is served from. */
    StatusPage statusPage();

    /** Where the status page is served from: browsers there may call POST /public/subscriptions (CORS). */
    interface StatusPage {
        List<String> origins();
    }

    /** Sign-ups come from anybody: each client address gets a few per window, the rest wait (429). */
    interface PublicSignUp {
        /** Sign-ups one client address may make per window. */
        @WithDefault("5")
        int perAddress();

        /** The window the count is kept for. */
        @WithDefault("1h")
        Duration window();

        /** Client addresses remembered at once; the least recently seen is forgotten beyond this. */
        @WithDefault("100000")
        int addressesKept();
    }

    /** Mail about the subscription itself: the request to confirm an address, the unsubscribe links. */
    interface Email {
        /** This service as mail recipients reach it: the base of the links in mail. */
        URI publicUrl();

        /** Signs the confirm and unsubscribe links: base64 of at least 32 random bytes. No default. */
        String linkKey();

        /** How long a confirmation link works. */
        @WithDefault("72h")
        Duration confirmationValidity();
    }

    /** The keys that seal webhook signing secrets at rest (AES-GCM). */
    interface Secrets {
        /** The id of the key that seals from now on; must be one of {@link #keys()}. No default. */
        String activeKey();

        /**
         * Every key that may have sealed a stored secret, by id: base64 of 32 (or 16, 24) random bytes. To rotate,
         * add a key, make it active, restart every instance (each seals the stored secrets again with it), then
         * remove the old one. No default.
         */
        Map<String, String> keys();
    }

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

        /**
         * Messages one destination may hold in an instance (queued, under way or waiting to be retried): at this
         * many, the outbox partition it is on is not read until it holds less than half.
         */
        @WithDefault("1000")
        int maxQueuedPerDestination();

        /**
         * How long the ledger keeps a settled delivery (delivered, failed or cancelled) after its last change; an
         * hourly pass forgets older ones (and the whole message of a failed one). At least 8 days: longer than
         * notifier-outbox keeps messages (7 days), or an outbox message read again would be sent again.
         */
        @WithDefault("30d")
        Duration keepSettled();

        /**
         * Where this instance keeps its copy of the delivery ledger (a RocksDB database per topic, emptied and read
         * again from the topics at each start). Each instance needs its own.
         */
        @WithDefault("${kafka-streams.state.dir}/notifier-ledger")
        Path ledgerDir();

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

        /**
         * The hosts a TEAMS target (a Workflows incoming webhook) may name (https only), besides allowed networks; a
         * leading dot stands for every subdomain.
         */
        @WithDefault(".webhook.office.com,.logic.azure.com,.api.powerplatform.com")
        List<String> teamsHosts();

        /** The hosts a DISCORD target (a channel webhook) may name (https only), besides allowed networks. */
        @WithDefault("discord.com,discordapp.com")
        List<String> discordHosts();

        /** The longest pause a receiver's Retry-After (429, 503) may ask for; longer ones are cut to it. */
        @WithDefault("1h")
        Duration longestRetryAfter();

        /** Each wait is stretched or shrunk at random by up to this share. */
        @WithDefault("0.1")
        double retryJitter();
    }

}
