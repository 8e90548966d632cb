package dev.incidents.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Kafka clients' own metrics (consumer lag, fetch and commit latency, send rates...) as Micrometer meters
 * tagged with the client id ({@code kafka_consumer_*}, {@code kafka_producer_*}); admin clients, short-lived here,
 * are left out. A client made again under the
 * same id (a loop started again, a short-lived reader) replaces the binding of the one before, so bindings do not
 * pile up.
 */
public final class ClientMeters {

    /** For code run without a registry (benchmarks, unit tests). */
    public static final ClientMeters NONE = new ClientMeters(null);

    private final MeterRegistry registry;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    private ClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public static ClientMeters to(MeterRegistry registry) {
        return new ClientMeters(registry);
    }

    void bind(String clientId, Producer<?, ?> producer) {
        bind(clientId, () -> new KafkaClientMetrics(producer));
    }

    void bind(String clientId, Consumer<?, ?> consumer) {
        bind(clientId, () -> new KafkaClientMetrics(consumer));
    }

    private void bind(String clientId, Supplier<KafkaClientMetrics> metrics) {
        if (registry == null) {
            return;
        }
        KafkaClientMetrics binding = metrics.get();
        binding.bindTo(registry);
        KafkaClientMetrics before = bound.put(clientId, binding);
        if (before != null) {
            before.close();
        }
    }
}
