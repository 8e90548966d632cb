package dev.incidents.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The service's own Kafka settings beyond Kafka's: how often it checks its ACLs, and the name its Kafka Streams app
 * keeps in its consumer group across restarts.
 */
@ConfigMapping(prefix = "incidents.kafka")
public interface KafkaConfig {

    /** Between two ACL checks; a check waits at most half of it for the brokers' answer. */
    @WithDefault("30s")
    Duration accessCheckInterval();

    /**
     * This instance's stable name among its service's instances. When set, the Kafka Streams app joins its group as
     * a static member ({@code group.instance.id}, one per stream thread: {@code <name>-1}, ...): a restart within the
     * session timeout gets its partitions back without a rebalance and without waiting out its predecessor's
     * session. Two running instances with one name fence each other, so set it only where each instance keeps its
     * name (a host, a StatefulSet pod, the local stack); unset, members are dynamic. Read by application.properties
     * ({@code kafka-streams.group.instance.id}).
     */
    Optional<String> instanceId();
}
