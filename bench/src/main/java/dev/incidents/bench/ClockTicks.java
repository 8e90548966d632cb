package dev.incidents.bench;

import dev.incidents.schemas.IncidentTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The projection service's clock ticks (every 500 ms on every partition; the broker stamps them), in-process. */
final class ClockTicks implements AutoCloseable {

    private static final String TOPIC = IncidentTopic.INCIDENT_CLOCK_TICKS.topicName();

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    ClockTicks(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
        timer.scheduleAtFixedRate(this::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        for (PartitionInfo partition : producer.partitionsFor(TOPIC)) {
            producer.send(new ProducerRecord<>(TOPIC, partition.partition(), null, new byte[0]));
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        producer.close();
    }
}
