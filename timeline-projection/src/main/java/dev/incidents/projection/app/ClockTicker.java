package dev.incidents.projection.app;

import dev.incidents.schemas.IncidentTopic;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stamps every partition of incident-clock-ticks with the wall clock, so the deadline scan of the task reading that
 * partition knows how far its events are read. Every instance ticks every partition: a lost or repeated tick is
 * harmless, and the ticks go on while any instance runs.
 */
@ApplicationScoped
public class ClockTicker {

    private static final Logger LOG = LoggerFactory.getLogger(ClockTicker.class);
    private static final String TOPIC = IncidentTopic.INCIDENT_CLOCK_TICKS.topicName();
    private static final byte[] EMPTY = new byte[0];

    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final AtomicBoolean flowing = new AtomicBoolean(true);

    ClockTicker(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Clock clock) {
        this.clock = clock;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "timeline-projection-clock",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Scheduled(every = "${incidents.detection.tick-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long now = clock.millis();
        try {
            for (PartitionInfo partition : producer.partitionsFor(TOPIC)) {
                producer.send(new ProducerRecord<>(TOPIC, partition.partition(), now, null, EMPTY), this::sent);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }

    private void sent(RecordMetadata metadata, Exception error) {
        if (error != null) {
            failed(error);
        } else if (flowing.compareAndSet(false, true)) {
            LOG.info("Clock ticks reach {} again; overdue deadlines fire again", TOPIC);
        }
    }

    /** Logged once per outage, not per tick: deadlines wait (none is lost) until ticks flow again. */
    private void failed(Exception error) {
        if (flowing.compareAndSet(true, false)) {
            LOG.warn("Clock ticks cannot be sent to {}; deadlines wait until they can: {}", TOPIC, error.toString());
        }
    }
}
