package dev.incidents.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka's own ceiling on this machine: one producer, acks=all, idempotent, records of the command's size, sent as
 * fast as the broker acknowledges them. The command path cannot beat it; the ratio says how close it gets.
 */
final class ProducerBaseline {

    private ProducerBaseline() {
    }

    static LoadResult measure(String bootstrapServers, int recordSize, int partitions, Duration duration)
            throws Exception {
        String topic = "bench-producer-baseline";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[recordSize];
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(10_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            int key = 0;
            while (System.nanoTime() < end) {
                inFlight.acquire();
                long sent = System.nanoTime();
                byte[] recordKey = Integer.toString(key++ % 1024).getBytes();
                producer.send(new ProducerRecord<>(topic, recordKey, value), (metadata, error) -> {
                    inFlight.release();
                    if (error == null) {
                        acknowledged.incrementAndGet();
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - sent) / 1000);
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult("kafka producer (baseline)", acknowledged.get() / seconds, latency, errors.get());
        }
    }
}
