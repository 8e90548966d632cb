package dev.incidents.bench;

import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How late UpdateOverdue reaches a downstream consumer: incidents whose first deadlines pass one after another, and
 * for each, the time from its deadline until a read_committed consumer of incident-detections receives the alert.
 */
final class OverdueLateness {

    private OverdueLateness() {
    }

    static Histogram measure(String bootstrapServers, String registryUrl, EventWriter writer, int incidents) {
        String topic = IncidentTopic.INCIDENT_DETECTIONS.topicName();
        try (KafkaConsumer<String, IncidentDetection> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new RegistryAvroSerdes(registryUrl, false).forValue(IncidentTopic.INCIDENT_DETECTIONS).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            Map<String, Instant> deadlines = declareOneAfterAnother(writer, incidents);
            Histogram lateMillis = new Histogram(600_000, 3);
            long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (lateMillis.getTotalCount() < incidents && System.nanoTime() < giveUp) {
                for (ConsumerRecord<String, IncidentDetection> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant deadline = deadlines.get(record.key());
                    if (deadline != null && record.value().getKind() == DetectionKind.UPDATE_OVERDUE) {
                        lateMillis.recordValue(Math.max(0, System.currentTimeMillis() - deadline.toEpochMilli()));
                    }
                }
            }
            if (lateMillis.getTotalCount() < incidents) {
                throw new IllegalStateException("Only " + lateMillis.getTotalCount() + " of " + incidents
                        + " overdue alerts arrived");
            }
            return lateMillis;
        }
    }

    /** First deadlines 5 s from now, 50 ms apart. */
    private static Map<String, Instant> declareOneAfterAnother(EventWriter writer, int incidents) {
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        Map<String, Instant> deadlines = new HashMap<>();
        for (int i = 0; i < incidents; i++) {
            String id = "late-" + UUID.randomUUID();
            ids.add(id);
            deadlines.put(id, now.plusSeconds(5).plusMillis(50L * i));
        }
        writer.declare(ids, now, i -> deadlines.get(ids.get(i)));
        writer.flush();
        return deadlines;
    }
}
