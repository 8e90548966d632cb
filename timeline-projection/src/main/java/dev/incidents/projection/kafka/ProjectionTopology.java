package dev.incidents.projection.kafka;

import dev.incidents.avro.IncidentEvent;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.domain.TimelineEntry;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.ContractDecoder;
import dev.incidents.support.wire.DeadLetterMeter;
import dev.incidents.support.wire.JsonSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * incident-events and incident-clock-ticks in; incident-state and incident-detections out. Consume (decode,
 * dead-letter what cannot be read), project (views, timelines, deadline timers), scan for due deadlines on each
 * clock tick and on a wall-clock punctuation, produce (state and detections).
 */
public final class ProjectionTopology {

    static final String EVENTS_SOURCE = "incident-events-source";
    static final String DECODER = "event-decoder";
    static final String PROJECTOR = "incident-projector";
    static final String CLOCK_SOURCE = "incident-clock-ticks-source";
    static final String SCANNER = "deadline-scanner";
    static final String STATE_SINK = "incident-state-sink";
    static final String DETECTIONS_SINK = "incident-detections-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";

    public static final String VIEW_STORE = "incident-views";
    public static final String TIMELINE_STORE = "incident-timelines";
    public static final String TIMER_STORE = "deadline-timers";
    public static final String DEAD_LETTER_TOPIC = IncidentTopic.INCIDENT_EVENTS_DLQ.topicName();

    private ProjectionTopology() {
    }

    /** How the deadline scan runs: see {@link DeadlineScanner}. */
    public record Scan(Duration interval, Duration settleTime) {
    }

    /**
     * @param registry where the projection's own meters and the dead-letter count go
     * @param tracer   makes the spans of projecting an event and of firing a deadline
     * @param cloudEvents the attributes every detection record carries as CloudEvents headers
     */
    public static Topology build(Projection projection, Scan scan, AvroSerdes avro, MeterRegistry registry,
                                 Tracer tracer, CloudEvents cloudEvents) {
        ProjectionMeters meters = new ProjectionMeters(registry);
        Counter deadLetters = DeadLetterMeter.counter(registry, DEAD_LETTER_TOPIC);
        Serde<String> keys = Serdes.String();
        Serde<IncidentEvent> events = avro.forValue(IncidentTopic.INCIDENT_EVENTS);
        Topology topology = new Topology();

        // consume
        topology.addSource(EVENTS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.INCIDENT_EVENTS.topicName());
        topology.addProcessor(DECODER, () -> new ContractDecoder<>(events.deserializer(), "IncidentEvent",
                (key, event) -> event.getIncidentId().equals(key), PROJECTOR, DEAD_LETTER_SINK, deadLetters),
                EVENTS_SOURCE);

        topology.addSource(CLOCK_SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.INCIDENT_CLOCK_TICKS.topicName());

        // project
        topology.addProcessor(PROJECTOR, () -> new IncidentProjector(projection, meters, tracer, cloudEvents), DECODER);
        topology.addProcessor(SCANNER, () -> new DeadlineScanner(projection, scan.interval(), scan.settleTime(), meters,
                tracer, cloudEvents),
                CLOCK_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VIEW_STORE), keys,
                new JsonSerde<>(IncidentView.class)), PROJECTOR, SCANNER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINE_STORE), keys,
                new JsonSerde<>(TimelineEntry.class)), PROJECTOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()), PROJECTOR, SCANNER);

        // produce
        topology.addSink(STATE_SINK, IncidentTopic.INCIDENT_STATE.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.INCIDENT_STATE).serializer(), PROJECTOR, SCANNER);
        topology.addSink(DETECTIONS_SINK, IncidentTopic.INCIDENT_DETECTIONS.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.INCIDENT_DETECTIONS).serializer(), PROJECTOR, SCANNER);
        topology.addSink(DEAD_LETTER_SINK, DEAD_LETTER_TOPIC, keys.serializer(), Serdes.ByteArray().serializer(),
                DECODER);
        return topology;
    }

    /** Timeline entries of one incident sort by sequence under this key. */
    static String timelineKey(String incidentId, long sequence) {
        return incidentId + "/" + String.format("%019d", sequence);
    }
}
