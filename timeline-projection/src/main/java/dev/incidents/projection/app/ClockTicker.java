package dev.incidents.projection.app;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes an empty tick to every partition of incident-clock-ticks; the broker stamps it with its append time, as it
 * stamps incident-events, so the deadline scan of the task reading both knows how far its events are read. Every
 * instance ticks every partition: a lost or repeated tick is harmless, and the ticks go on while any instance runs.
 * (A supervised timer of its own: Quarkus' scheduler runs nothing more often than once a second.)
 */
@ApplicationScoped
public class ClockTicker {

    private static final Logger LOG = LoggerFactory.getLogger(ClockTicker.class);
    private static final String TOPIC = IncidentTopic.INCIDENT_CLOCK_TICKS.topicName();
    private static final byte[] EMPTY = new byte[0];

    private final Producer<byte[], byte[]> producer;
    private final Duration interval;
    private final AtomicBoolean flowing = new AtomicBoolean(true);
    private final Supervisor.Timer timer;

    ClockTicker(KafkaClients clients, Supervisor supervisor, ProjectionConfig config) {
        this.interval = config.detection().tickInterval();
        this.timer = supervisor.timer("clock-ticker");
        this.producer = clients.producer("timeline-projection-clock", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    void start(@Observes StartupEvent event) {
        timer.every(interval, this::tick);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        timer.close();
        producer.close(Duration.ofSeconds(5));
    }

    private void tick() {
        try {
            for (PartitionInfo partition : producer.partitionsFor(TOPIC)) {
                producer.send(new ProducerRecord<>(TOPIC, partition.partition(), null, EMPTY), this::sent);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
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
