package dev.incidents.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain consumer reading a whole topic from the start (read_committed, as the projection reads), optionally
 * decoding each value: the ceiling a rebuild of the same topic is compared with.
 */
final class TopicReadBaseline {

    private TopicReadBaseline() {
    }

    /** Records per second; {@code values} decodes each value, or is null to read bytes only. */
    static double recordsPerSecond(String bootstrapServers, String topic, Deserializer<?> values) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            long start = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (values != null && values.deserialize(topic, record.headers(), record.value()) == null) {
                        throw new IllegalStateException("Unreadable record at " + record.offset());
                    }
                    records++;
                }
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }
}
