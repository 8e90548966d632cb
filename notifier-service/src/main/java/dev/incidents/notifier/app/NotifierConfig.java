package dev.incidents.notifier.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the notifier under {@code incidents.*}; defaults are documented in the README. */
@ConfigMapping(prefix = "incidents")
public interface NotifierConfig {

    /** How long a subscription change may wait for Kafka to take it and for this instance to read it back. */
    @WithDefault("10s")
    Duration writeTimeout();

    Registry registry();

    Delivery delivery();

    interface Delivery {
        /** The sender of outbound email. */
        @WithDefault("Incident updates <incidents@localhost>")
        String emailFrom();
    }

    interface Registry {
        /** e.g. http://127.0.0.1:8081/apis/registry/v2 */
        String url();

        @WithDefault("false")
        boolean autoRegister();
    }
}
