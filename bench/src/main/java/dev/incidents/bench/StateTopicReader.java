package dev.incidents.bench;

import dev.incidents.schemas.IncidentTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The first half of the live stream's path: each {@code incident-state} record is an arrival about its incident
 * (the record key) once a read_committed consumer reads it, that is once the projection's transaction that wrote it
 * has committed. Set beside the live stream's arrivals, it tells the projection's share of the latency from the live
 * feed's.
 */
final class StateTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;

    /** Reads from the end of the topic as it is now: only what is written after this returns. */
    StateTopicReader(String bootstrapServers, Arrivals arrivals) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        String topic = IncidentTopic.INCIDENT_STATE.topicName();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = Thread.ofPlatform().daemon().name("state-topic-reader").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> state : consumer.poll(Duration.ofMillis(100))) {
                        arrivals.arrived(state.key(), System.nanoTime());
                    }
                }
            } catch (WakeupException e) {
                // close() asked it to stop
            } finally {
                consumer.close();
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(Duration.ofSeconds(10));
    }
}
