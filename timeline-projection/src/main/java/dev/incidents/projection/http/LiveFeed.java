package dev.incidents.projection.http;

import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentState;
import dev.incidents.projection.app.ProjectionConfig;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.support.wire.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows incident-state and incident-detections from now on (every partition: each instance serves its own stream
 * clients) and broadcasts each change to them, to at most {@code incidents.live.max-connections} at once.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final String STATE = IncidentTopic.INCIDENT_STATE.topicName();
    private static final String DETECTIONS = IncidentTopic.INCIDENT_DETECTIONS.topicName();

    private final BroadcastProcessor<LiveChange> changes = BroadcastProcessor.create();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxConnections;
    private final int bufferPerConnection;
    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final Deserializer<IncidentState> states;
    private final Deserializer<IncidentDetection> detections;
    private TopicFollower follower;

    LiveFeed(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes, ProjectionConfig config) {
        this.maxConnections = config.live().maxConnections();
        this.bufferPerConnection = config.live().bufferPerConnection();
        this.clients = clients;
        this.supervisor = supervisor;
        this.states = serdes.forValue(IncidentTopic.INCIDENT_STATE).deserializer();
        this.detections = serdes.forValue(IncidentTopic.INCIDENT_DETECTIONS).deserializer();
    }

    /** One change: its SSE event name and its JSON body. */
    public record LiveChange(String name, String id, Object data) {
    }

    /** Thrown instead of a stream when this instance already serves as many as it may. */
    public static final class Full extends RuntimeException {
        Full(int open) {
            super("This instance already serves " + open + " live streams; retry shortly or ask another instance.");
        }
    }

    /** The changes from now on, for one client, until it goes away; {@link Full} when there are too many. */
    public Multi<LiveChange> open() {
        int now = open.incrementAndGet();
        if (now > maxConnections) {
            open.decrementAndGet();
            throw new Full(maxConnections);
        }
        return perConnection(changes, bufferPerConnection).onTermination().invoke(open::decrementAndGet);
    }

    /**
     * The changes as one client gets them: up to {@code buffer} held while it reads more slowly than they come (a
     * burst); one more ends its stream instead of failing it, and a client that reconnects is told 'ready' and
     * reads the board anew, where one left on a stream that had silently stopped would show a stale board.
     */
    static Multi<LiveChange> perConnection(Multi<LiveChange> changes, int buffer) {
        return changes.onOverflow().buffer(buffer)
                .onFailure(BackPressureFailure.class).invoke(overflow -> LOG.warnf(
                        "A live stream's client fell %d changes behind; its stream ends so that it reconnects",
                        buffer))
                .onFailure(BackPressureFailure.class).recoverWithCompletion();
    }

    void start(@Observes StartupEvent event) {
        follower = new TopicFollower(clients, supervisor, "timeline-projection-live-feed", List.of(STATE, DETECTIONS),
                TopicFollower.Start.END, this::publish);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
        changes.onComplete();
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(STATE)) {
            IncidentState state = states.deserialize(record.topic(), record.headers(), record.value());
            changes.onNext(new LiveChange("state", state.getIncidentId() + "@" + state.getVersion(),
                    IncidentResponse.of(state)));
        } else {
            IncidentDetection detection = detections.deserialize(record.topic(), record.headers(), record.value());
            changes.onNext(new LiveChange("detection", detection.getDetectionId(), DetectionResponse.of(detection)));
        }
    }
}
