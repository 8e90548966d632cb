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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes an empty tick to every partition of incident-clock-ticks; the broker stamps it with its append time, as it
 * stamps incident-events, so the deadline scan of the task reading both knows how far its events are read. Every
 * instance ticks every partition: a lost or repeated tick is harmless, and the ticks go on while any instance runs.
 * (A supervised timer of its own: Quarkus' scheduler runs nothing more often than once a second.)
 */
@ApplicationScoped
public class ClockTicker {

    private static final String TOPIC = IncidentTopic.INCIDENT_CLOCK_TICKS.topicName();
    private static final byte[] EMPTY = new byte[0];
    private static final Duration SEND_PATIENCE = Duration.ofSeconds(6);

    private final Producer<byte[], byte[]> producer;
    private final Duration interval;
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

    /** Waits for the sends: the timer is FAILED (and readiness names it) while ticks do not reach the topic. */
    private void tick() {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (PartitionInfo partition : producer.partitionsFor(TOPIC)) {
            sends.add(producer.send(new ProducerRecord<>(TOPIC, partition.partition(), null, EMPTY)));
        }
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(SEND_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new TicksNotSent(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TicksNotSent(e);
        }
    }

    /** Deadlines wait (none is lost) until ticks flow again. */
    static final class TicksNotSent extends RuntimeException {
        TicksNotSent(Exception cause) {
            super("Clock ticks cannot be sent to " + TOPIC + "; deadlines wait until they can: " + cause, cause);
        }
    }
}
