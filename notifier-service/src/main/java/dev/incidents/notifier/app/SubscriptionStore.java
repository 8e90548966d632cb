package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import dev.incidents.schemas.wire.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscriptions kept in the compacted notifier-subscriptions topic and nowhere else: every instance follows the whole
 * topic into memory, and a change returns only once Kafka has it and this instance has read it back, so the next
 * read here sees it.
 */
@ApplicationScoped
public class SubscriptionStore {

    private static final String TOPIC = IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName();

    private final String bootstrapServers;
    private final Duration writeTimeout;
    private final KafkaProducer<String, dev.incidents.avro.notifier.Subscription> producer;
    private final Deserializer<dev.incidents.avro.notifier.Subscription> values;
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final PositionTracker read = new PositionTracker();
    private Map<TopicPartition, Long> endAtStart = Map.of();
    private TopicFollower follower;

    SubscriptionStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      NotifierConfig config, RegistryAvroSerdes serdes) {
        this.bootstrapServers = bootstrapServers;
        this.writeTimeout = config.writeTimeout();
        this.values = serdes.forValue(dev.incidents.avro.notifier.Subscription.class).deserializer();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) writeTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) writeTimeout.toMillis() / 2,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), serdes.forValue(dev.incidents.avro.notifier.Subscription.class).serializer());
    }

    void start(@Observes StartupEvent event) {
        endAtStart = endOffsets();
        follower = new TopicFollower(bootstrapServers, "notifier-subscriptions-follower", List.of(TOPIC),
                TopicFollower.Start.BEGINNING, this::apply, read::reached);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        producer.close(Duration.ofSeconds(5));
        if (follower != null) {
            follower.close();
        }
    }

    public Optional<Subscription> find(String id) {
        awaitLoaded();
        return Optional.ofNullable(byId.get(id));
    }

    public List<Subscription> all() {
        awaitLoaded();
        return byId.values().stream().sorted(Comparator.comparing(Subscription::createdAt)
                .thenComparing(Subscription::id)).toList();
    }

    public Subscription save(Subscription subscription) {
        write(subscription.id(), SubscriptionMapper.toAvro(subscription));
        return subscription;
    }

    public void delete(String id) {
        write(id, null);
    }

    private void write(String id, dev.incidents.avro.notifier.Subscription value) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(TOPIC, id, value))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());
            if (!read.awaitRead(Map.of(partition, written.offset() + 1), writeTimeout)) {
                throw new StoreUnavailableException("Kafka has the change, but this instance has not read it back "
                        + "yet; it will show shortly.", null);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not acknowledge the change; nothing was stored.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while storing the change.", e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byId.remove(record.key());
        } else {
            byId.put(record.key(), SubscriptionMapper.toDomain(values.deserialize(record.topic(), record.headers(),
                    record.value())));
        }
    }

    /** Reads wait until the topic as it was at startup is loaded, so a restarted instance never answers empty. */
    private void awaitLoaded() {
        try {
            if (!read.awaitRead(endAtStart, writeTimeout)) {
                throw new StoreUnavailableException("Subscriptions are still loading.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while loading subscriptions.", e);
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }

    /** Kafka cannot take or give back subscriptions right now; answered 503, nothing changed. */
    public static final class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
