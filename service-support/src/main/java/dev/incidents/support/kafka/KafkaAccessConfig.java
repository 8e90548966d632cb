package dev.incidents.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often the service asks the brokers whether its principal holds the ACLs it needs. */
@ConfigMapping(prefix = "incidents.kafka")
public interface KafkaAccessConfig {

    /** Between two checks; a check waits at most half of it for the brokers' answer. */
    @WithDefault("30s")
    Duration accessCheckInterval();
}
