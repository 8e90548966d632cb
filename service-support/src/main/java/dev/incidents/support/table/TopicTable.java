package dev.incidents.support.table;

import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.TopicFollower;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A compacted topic held whole by this instance, by key, in its heap or on its local disk: it reads the topic from
 * the start, reads wait until what the topic held at start is loaded, and a write returns once Kafka has it and this
 * instance has read it back. The notifier keeps its state in such topics and nowhere else; the command service its component catalog.
 */
public final class TopicTable<A extends SpecificRecord, D> implements AutoCloseable {

    private final String topic;
    private final Duration timeout;
    private final KafkaProducer<String, A> producer;
    private final TableRows<D> rows;
    private final PositionTracker read = new PositionTracker();
    private final Map<TopicPartition, Long> endAtStart;
    private final TopicFollower follower;

    /** A table whose rows are decoded once and held in the heap: for a topic with a bound on its keys. */
    public static <A extends SpecificRecord, D> TopicTable<A, D> inHeap(KafkaClients clients, Supervisor supervisor,
                                                                  String topic, Serde<A> serde,
                                                                  Function<A, D> toDomain, Duration timeout) {
        return new TopicTable<>(clients, supervisor, topic, serde, new HeapRows<>(decoder(topic, serde, toDomain)),
                timeout);
    }

    /** A table whose rows stay on local disk in {@code dir} (emptied first): for a topic that grows with traffic. */
    public static <A extends SpecificRecord, D> TopicTable<A, D> onDisk(Path dir, KafkaClients clients,
                                                                  Supervisor supervisor, String topic,
                                                                  Serde<A> serde, Function<A, D> toDomain,
                                                                  Duration timeout) {
        return new TopicTable<>(clients, supervisor, topic, serde,
                new DiskRows<>(dir, decoder(topic, serde, toDomain)), timeout);
    }

    private TopicTable(KafkaClients clients, Supervisor supervisor, String topic, Serde<A> serde, TableRows<D> rows,
                       Duration timeout) {
        this.topic = topic;
        this.timeout = timeout;
        this.rows = rows;
        this.producer = clients.producer(topic + "-table-writer", AwaitedWrites.producerSettings(timeout),
                new StringSerializer(), serde.serializer());
        this.endAtStart = endOffsets(clients, topic);
        this.follower = new TopicFollower(clients, supervisor, topic + "-table", List.of(topic),
                TopicFollower.Start.BEGINNING, this::apply, read::reached);
    }

    public Optional<D> get(String key) {
        awaitLoaded();
        return rows.get(key);
    }

    /** Every row, in no particular order; close the stream when done. */
    public Stream<D> values() {
        awaitLoaded();
        return rows.values();
    }

    public void put(String key, A value) {
        write(key, value);
    }

    /** @param headers carried by the record (a trace context) */
    public void put(String key, A value, Headers headers) {
        write(List.of(new ProducerRecord<>(topic, null, key, value, headers)));
    }

    public void delete(String key) {
        write(key, null);
    }

    /** Deletes every key with one wait for Kafka and the read-back, not one per key. */
    public void deleteAll(Collection<String> keys) {
        write(keys.stream().map(key -> new ProducerRecord<String, A>(topic, key, null)).toList());
    }

    @Override
    public void close() throws InterruptedException {
        producer.close(Duration.ofSeconds(5));
        follower.close();
        rows.close();
    }

    private void write(String key, A value) {
        write(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /** Returns once Kafka has every change and this instance has read them back. */
    private void write(List<ProducerRecord<String, A>> changes) {
        List<Future<RecordMetadata>> sends;
        try {
            sends = changes.stream().map(producer::send).toList();
        } catch (SerializationException e) {
            // Encoding needs the schema registry (the schema's id): while it is unreachable nothing can be written.
            throw new StoreUnavailableException("The change to " + topic + " could not be encoded (is the schema "
                    + "registry reachable?)" + (changes.size() == 1 ? "; nothing was stored." : "; some of it may "
                    + "not be stored."), e);
        }
        Map<TopicPartition, Long> written = new HashMap<>();
        try {
            for (Future<RecordMetadata> send : sends) {
                RecordMetadata metadata = send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                written.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1,
                        Math::max);
            }
            if (!read.awaitRead(written, timeout)) {
                throw StoreUnavailableException.notReadBack("Kafka has the change to " + topic + ", but this "
                        + "instance has not read it back yet; it will show shortly.");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not acknowledge the change to " + topic
                    + (changes.size() == 1 ? "; nothing was stored." : "; some of it may not be stored."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while storing a change to " + topic + ".", e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            rows.delete(record.key());
        } else {
            rows.put(record.key(), record.value());
        }
    }

    /** Values in the Confluent wire format carry their schema id, so the topic is all a decoder needs. */
    private static <A extends SpecificRecord, D> Function<byte[], D> decoder(String topic, Serde<A> serde,
                                                                             Function<A, D> toDomain) {
        return value -> toDomain.apply(serde.deserializer().deserialize(topic, value));
    }

    /** Whether this instance has read every record below the given offsets of the topic's partitions. */
    public boolean hasRead(Map<TopicPartition, Long> offsets) {
        return read.hasRead(offsets);
    }

    /** The topic's partitions, as Kafka knows them. */
    public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration patience) {
        return consumer.partitionsFor(topic, patience).stream().map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    /** Returns once what the topic held when this instance started is loaded. */
    public void awaitLoaded() {
        try {
            if (!read.awaitRead(endAtStart, timeout)) {
                throw new StoreUnavailableException(topic + " is still loading.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while loading " + topic + ".", e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaClients clients, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(topic + "-table-end", Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }
}
