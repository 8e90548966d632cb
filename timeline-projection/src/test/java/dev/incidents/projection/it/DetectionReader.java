package dev.incidents.projection.it;

import dev.incidents.avro.IncidentDetection;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads incident-detections from the start, as a downstream consumer would, for chosen incidents. */
final class DetectionReader {

    private DetectionReader() {
    }

    /**
     * The committed detections of these incidents, read until {@code enough} holds (or 120 s pass), then for
     * {@code settle} longer, so that a repeat arriving after its first copy is seen too.
     */
    static List<IncidentDetection> read(Set<String> incidentIds, Predicate<List<IncidentDetection>> enough,
                                        Duration settle) {
        String topic = IncidentTopic.INCIDENT_DETECTIONS.topicName();
        RegistryAvroSerdes serdes = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false);
        try (KafkaConsumer<String, IncidentDetection> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                serdes.forValue(IncidentTopic.INCIDENT_DETECTIONS).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<IncidentDetection> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!enough.test(found) && System.nanoTime() < deadline) {
                poll(consumer, incidentIds, found);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                poll(consumer, incidentIds, found);
            }
            return found;
        }
    }

    private static void poll(KafkaConsumer<String, IncidentDetection> consumer, Set<String> incidentIds,
                             List<IncidentDetection> found) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (incidentIds.contains(record.key())) {
                found.add(record.value());
            }
        });
    }
}
