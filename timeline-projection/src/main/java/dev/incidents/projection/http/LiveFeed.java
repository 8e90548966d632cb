package dev.incidents.projection.http;

import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentState;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows incident-state and incident-detections from now on (every partition, no consumer group: each instance
 * serves its own stream clients) and broadcasts each change to them.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final String STATE = IncidentTopic.INCIDENT_STATE.topicName();
    private static final String DETECTIONS = IncidentTopic.INCIDENT_DETECTIONS.topicName();

    private final BroadcastProcessor<LiveChange> changes = BroadcastProcessor.create();
    private final String bootstrapServers;
    private final Deserializer<IncidentState> states;
    private final Deserializer<IncidentDetection> detections;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    LiveFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, RegistryAvroSerdes serdes) {
        this.bootstrapServers = bootstrapServers;
        this.states = serdes.forValue(IncidentState.class).deserializer();
        this.detections = serdes.forValue(IncidentDetection.class).deserializer();
    }

    /** One change: its SSE event name and its JSON body. */
    public record LiveChange(String name, String id, Object data) {
    }

    public Multi<LiveChange> changes() {
        return changes;
    }

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "timeline-projection-live-feed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(STATE, DETECTIONS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        running = true;
        thread = new Thread(this::poll, "live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        changes.onComplete();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(STATE)) {
                IncidentState state = states.deserialize(record.topic(), record.headers(), record.value());
                changes.onNext(new LiveChange("state", state.getIncidentId() + "@" + state.getVersion(),
                        IncidentResponse.of(state)));
            } else {
                IncidentDetection detection = detections.deserialize(record.topic(), record.headers(), record.value());
                changes.onNext(new LiveChange("detection", detection.getDetectionId(),
                        DetectionResponse.of(detection)));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Skipping an unreadable record on %s/%d@%d for the live stream", record.topic(),
                    record.partition(), record.offset());
        }
    }
}
