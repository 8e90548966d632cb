package dev.incidents.support.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place the services' own Kafka clients are made. Every producer, consumer and admin client starts from the
 * same shared settings (Quarkus' {@code kafka.*}: bootstrap servers, TLS, SASL, {@code client.rack}...), which Kafka
 * Streams also reads, so a setting made once reaches every client; a use adds only what is its own (acks, group,
 * offsets). A client id names each use in the broker's logs and quotas.
 */
public final class KafkaClients {

    private final Map<String, Object> shared;
    private final ClientMeters meters;

    /** Clients whose metrics go nowhere (benchmarks, unit tests). */
    public KafkaClients(Map<String, ?> shared) {
        this(shared, ClientMeters.NONE);
    }

    /**
     * @param shared settings every client gets, e.g. {@code bootstrap.servers} and {@code security.protocol}
     * @param meters where each client's own metrics go
     */
    public KafkaClients(Map<String, ?> shared, ClientMeters meters) {
        if (!shared.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("The shared Kafka settings name no bootstrap.servers");
        }
        this.shared = Map.copyOf(shared);
        this.meters = meters;
    }

    /** The shared settings with a use's own on top. */
    public Map<String, Object> settings(String clientId, Map<String, ?> own) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.putAll(own);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return settings;
    }

    public <K, V> KafkaProducer<K, V> producer(String clientId, Map<String, ?> own, Serializer<K> keys,
                                               Serializer<V> values) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(settings(clientId, own), keys, values);
        meters.bind(clientId, producer);
        return producer;
    }

    public <K, V> KafkaConsumer<K, V> consumer(String clientId, Map<String, ?> own, Deserializer<K> keys,
                                               Deserializer<V> values) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(settings(clientId, own), keys, values);
        meters.bind(clientId, consumer);
        return consumer;
    }

    public Admin admin(String clientId) {
        return Admin.create(settings(clientId, Map.of()));
    }
}
