package dev.incidents.projection.it;

import dev.incidents.avro.IncidentDetection;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a detections topic from the start, as a downstream consumer would, for chosen keys. Only committed records
 * count: a store may already show what the projection decided before the transaction carrying the record commits.
 */
final class DetectionReader {

    private DetectionReader() {
    }

    /** The committed incident detections of these incidents; see {@link #read(IncidentTopic, Set, Predicate, Duration)}. */
    static List<IncidentDetection> read(Set<String> incidentIds, Predicate<List<IncidentDetection>> enough,
                                        Duration settle) {
        return read(IncidentTopic.INCIDENT_DETECTIONS, incidentIds, enough, settle);
    }

    /**
     * The committed records of these keys, read until {@code enough} holds (or 120 s pass), then for
     * {@code settle} longer, so that a repeat arriving after its first copy is seen too.
     */
    static <T extends SpecificRecord> List<T> read(IncidentTopic<T> topic, Set<String> keys,
                                                   Predicate<List<T>> enough, Duration settle) {
        String name = topic.topicName();
        Deserializer<T> values = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false).forValue(topic).deserializer();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<T> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!enough.test(found) && System.nanoTime() < deadline) {
                poll(consumer, keys, found);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                poll(consumer, keys, found);
            }
            return found;
        }
    }

    private static <T> void poll(KafkaConsumer<String, T> consumer, Set<String> keys, List<T> found) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (keys.contains(record.key())) {
                found.add(record.value());
            }
        });
    }
}
