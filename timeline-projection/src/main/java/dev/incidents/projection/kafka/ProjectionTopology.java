package dev.incidents.projection.kafka;

import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.MaintenanceView;
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
 * incident-events, maintenance-events and incident-clock-ticks in; incident-state, incident-detections and
 * maintenance-detections out. Consume (decode, dead-letter what cannot be read), project (views, timelines, deadline
 * and maintenance timers), scan for due timers on each clock tick and on a wall-clock punctuation, produce (state and
 * detections). The three input topics have as many partitions and are read side by side, in timestamp order, by
 * the same task per partition, so both scans know how far every event is read.
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
    static final String MAINTENANCE_EVENTS_SOURCE = "maintenance-events-source";
    static final String MAINTENANCE_DECODER = "maintenance-event-decoder";
    static final String MAINTENANCE_PROJECTOR = "maintenance-projector";
    static final String MAINTENANCE_SCANNER = "maintenance-scanner";
    static final String MAINTENANCE_DETECTIONS_SINK = "maintenance-detections-sink";

    public static final String VIEW_STORE = "incident-views";
    public static final String TIMELINE_STORE = "incident-timelines";
    public static final String TIMER_STORE = "deadline-timers";
    public static final String MAINTENANCE_VIEW_STORE = "maintenance-views";
    public static final String MAINTENANCE_TIMER_STORE = "maintenance-timers";
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
    public static Topology build(Projection projection, MaintenanceProjection maintenance, Scan scan, AvroSerdes avro,
                                 MeterRegistry registry, Tracer tracer, CloudEvents cloudEvents) {
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
        addMaintenance(topology, maintenance, scan, avro, deadLetters, tracer, cloudEvents);
        topology.addSink(DEAD_LETTER_SINK, DEAD_LETTER_TOPIC, keys.serializer(), Serdes.ByteArray().serializer(),
                DECODER, MAINTENANCE_DECODER);
        return topology;
    }

    /** Maintenance windows: their events into views and timers, their timers fired by the same clock ticks. */
    private static void addMaintenance(Topology topology, MaintenanceProjection maintenance, Scan scan,
                                       AvroSerdes avro, Counter deadLetters, Tracer tracer, CloudEvents cloudEvents) {
        Serde<String> keys = Serdes.String();
        Serde<MaintenanceEvent> events = avro.forValue(IncidentTopic.MAINTENANCE_EVENTS);
        topology.addSource(MAINTENANCE_EVENTS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.MAINTENANCE_EVENTS.topicName());
        topology.addProcessor(MAINTENANCE_DECODER, () -> new ContractDecoder<>(events.deserializer(),
                "MaintenanceEvent", (key, event) -> event.getMaintenanceId().equals(key), MAINTENANCE_PROJECTOR,
                DEAD_LETTER_SINK, deadLetters), MAINTENANCE_EVENTS_SOURCE);
        topology.addProcessor(MAINTENANCE_PROJECTOR, () -> new MaintenanceProjector(maintenance, tracer, cloudEvents),
                MAINTENANCE_DECODER);
        topology.addProcessor(MAINTENANCE_SCANNER, () -> new MaintenanceScanner(maintenance, scan, tracer,
                cloudEvents), CLOCK_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MAINTENANCE_VIEW_STORE),
                keys, new JsonSerde<>(MaintenanceView.class)), MAINTENANCE_PROJECTOR, MAINTENANCE_SCANNER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MAINTENANCE_TIMER_STORE),
                Serdes.Bytes(), Serdes.ByteArray()), MAINTENANCE_PROJECTOR, MAINTENANCE_SCANNER);
        topology.addSink(MAINTENANCE_DETECTIONS_SINK, IncidentTopic.MAINTENANCE_DETECTIONS.topicName(),
                keys.serializer(), avro.forValue(IncidentTopic.MAINTENANCE_DETECTIONS).serializer(),
                MAINTENANCE_PROJECTOR, MAINTENANCE_SCANNER);
    }

    /** Timeline entries of one incident sort by sequence under this key: the sequence in 19 digits. */
    static String timelineKey(String incidentId, long sequence) {
        String digits = Long.toString(sequence);
        return incidentId + "/" + "0".repeat(Math.max(0, 19 - digits.length())) + digits;
    }
}
