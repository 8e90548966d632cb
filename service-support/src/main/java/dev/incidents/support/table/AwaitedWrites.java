package dev.incidents.support.table;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Map;

/** Producer settings for writes a request waits on: on every in-sync replica, never twice, sent at once, given up in time. */
public final class AwaitedWrites {

    private AwaitedWrites() {
    }

    /** @param timeout how long a write may take before the request is answered that it failed */
    public static Map<String, Object> producerSettings(Duration timeout) {
        return Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2,
                ProducerConfig.LINGER_MS_CONFIG, 0);
    }
}
