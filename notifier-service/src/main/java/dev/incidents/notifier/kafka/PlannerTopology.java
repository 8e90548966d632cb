package dev.incidents.notifier.kafka;

import dev.incidents.notifier.domain.Happening;
import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.MaintenanceBrief;
import dev.incidents.notifier.domain.MaintenanceHappening;
import dev.incidents.notifier.domain.MaintenanceNoticePlanner;
import dev.incidents.notifier.domain.NoticePlanner;
import dev.incidents.notifier.render.NoticeRenderer;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
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
import java.util.function.Supplier;

/**
 * incident-events and incident-detections, maintenance-events and maintenance-detections in, notifier-outbox out.
 * Consume (decode, dead-letter what cannot be read), plan (incident briefs and maintenance briefs, each kind in its
 * own sub-topology; subscriptions and the component catalog from global stores of their compacted topics), produce
 * (one written message per recipient, keyed by subscription).
 */
public final class PlannerTopology {

    static final String EVENTS_SOURCE = "incident-events-source";
    static final String DETECTIONS_SOURCE = "incident-detections-source";
    static final String EVENT_DECODER = "event-decoder";
    static final String DETECTION_DECODER = "detection-decoder";
    static final String PLANNER = "notice-planner";
    static final String MAINTENANCE_EVENTS_SOURCE = "maintenance-events-source";
    static final String MAINTENANCE_DETECTIONS_SOURCE = "maintenance-detections-source";
    static final String MAINTENANCE_EVENT_DECODER = "maintenance-event-decoder";
    static final String MAINTENANCE_DETECTION_DECODER = "maintenance-detection-decoder";
    static final String MAINTENANCE_PLANNER = "maintenance-notice-planner";
    static final String OUTBOX_SINK = "notifier-outbox-sink";
    static final String DEAD_LETTER_SINK = "notifier-dlq-sink";
    static final String SUBSCRIPTIONS_SOURCE = "notifier-subscriptions-source";
    static final String SUBSCRIPTIONS_LOADER = "subscriptions-loader";
    static final String CATALOG_SOURCE = "incident-components-source";
    static final String CATALOG_LOADER = "component-catalog-loader";

    public static final String BRIEF_STORE = "incident-briefs";
    public static final String MAINTENANCE_BRIEF_STORE = "maintenance-briefs";
    public static final String SUBSCRIPTION_STORE = "subscriptions";
    public static final String CATALOG_STORE = "component-catalog";
    static final String SUBSCRIPTIONS_TOPIC = IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName();
    static final String CATALOG_TOPIC = IncidentTopic.INCIDENT_COMPONENTS.topicName();

    private static final PlanningProcessor.Planning<IncidentBrief, Happening> INCIDENTS =
            new PlanningProcessor.Planning<>(BRIEF_STORE, HappeningMapper::of, Happening::incidentId,
                    NoticePlanner::plan, IncidentBrief::settledBefore);
    private static final PlanningProcessor.Planning<MaintenanceBrief, MaintenanceHappening> MAINTENANCE =
            new PlanningProcessor.Planning<>(MAINTENANCE_BRIEF_STORE, MaintenanceHappeningMapper::of,
                    MaintenanceHappening::maintenanceId, MaintenanceNoticePlanner::plan,
                    MaintenanceBrief::settledBefore);

    private PlannerTopology() {
    }

    /**
     * @param registry          where the count of dead letters goes
     * @param forgetBriefsAfter how long a settled subject's brief is kept: a resolved incident's after its RCA is
     *                          published, a maintenance window's after it was completed or cancelled
     * @param tracer            makes the span of planning each event or detection
     */
    public static Topology build(AvroSerdes avro, NoticeRenderer renderer, SubscriptionMapper subscriptions,
                                 MeterRegistry registry, Duration forgetBriefsAfter, Tracer tracer) {
        Serde<String> keys = Serdes.String();
        Counter deadLetters = DeadLetterMeter.counter(registry, IncidentTopic.NOTIFIER_DLQ.topicName());
        Topology topology = new Topology();

        // consume
        topology.addSource(EVENTS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.INCIDENT_EVENTS.topicName());
        topology.addSource(DETECTIONS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.INCIDENT_DETECTIONS.topicName());
        topology.addProcessor(EVENT_DECODER, () -> new ContractDecoder<>(avro.forValue(IncidentTopic.INCIDENT_EVENTS)
                .deserializer(), "IncidentEvent", (key, event) -> event.getIncidentId().equals(key), PLANNER,
                DEAD_LETTER_SINK, deadLetters), EVENTS_SOURCE);
        topology.addProcessor(DETECTION_DECODER, () -> new ContractDecoder<>(avro.forValue(IncidentTopic.INCIDENT_DETECTIONS)
                .deserializer(), "IncidentDetection", (key, detection) -> detection.getIncidentId().equals(key),
                PLANNER, DEAD_LETTER_SINK, deadLetters), DETECTIONS_SOURCE);
        topology.addSource(MAINTENANCE_EVENTS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.MAINTENANCE_EVENTS.topicName());
        topology.addSource(MAINTENANCE_DETECTIONS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.MAINTENANCE_DETECTIONS.topicName());
        topology.addProcessor(MAINTENANCE_EVENT_DECODER, () -> new ContractDecoder<>(
                avro.forValue(IncidentTopic.MAINTENANCE_EVENTS).deserializer(), "MaintenanceEvent",
                (key, event) -> event.getMaintenanceId().equals(key), MAINTENANCE_PLANNER, DEAD_LETTER_SINK,
                deadLetters), MAINTENANCE_EVENTS_SOURCE);
        topology.addProcessor(MAINTENANCE_DETECTION_DECODER, () -> new ContractDecoder<>(
                avro.forValue(IncidentTopic.MAINTENANCE_DETECTIONS).deserializer(), "MaintenanceDetection",
                (key, detection) -> detection.getMaintenanceId().equals(key), MAINTENANCE_PLANNER, DEAD_LETTER_SINK,
                deadLetters), MAINTENANCE_DETECTIONS_SOURCE);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTION_STORE),
                        keys, Serdes.ByteArray()).withLoggingDisabled(), SUBSCRIPTIONS_SOURCE, keys.deserializer(),
                Serdes.ByteArray().deserializer(), SUBSCRIPTIONS_TOPIC, SUBSCRIPTIONS_LOADER,
                () -> new TopicCopyLoader(SUBSCRIPTION_STORE));
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CATALOG_STORE),
                        keys, Serdes.ByteArray()).withLoggingDisabled(), CATALOG_SOURCE, keys.deserializer(),
                Serdes.ByteArray().deserializer(), CATALOG_TOPIC, CATALOG_LOADER,
                () -> new TopicCopyLoader(CATALOG_STORE));

        // plan
        Supplier<NoticeSender> sender = () -> new NoticeSender(renderer,
                avro.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS).deserializer(),
                avro.forValue(IncidentTopic.INCIDENT_COMPONENTS).deserializer(), subscriptions);
        topology.addProcessor(PLANNER, () -> new PlanningProcessor<>(INCIDENTS, sender.get(), forgetBriefsAfter,
                tracer), EVENT_DECODER, DETECTION_DECODER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BRIEF_STORE), keys,
                new JsonSerde<>(IncidentBrief.class)), PLANNER);
        topology.addProcessor(MAINTENANCE_PLANNER, () -> new PlanningProcessor<>(MAINTENANCE, sender.get(),
                forgetBriefsAfter, tracer), MAINTENANCE_EVENT_DECODER, MAINTENANCE_DETECTION_DECODER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MAINTENANCE_BRIEF_STORE),
                keys, new JsonSerde<>(MaintenanceBrief.class)), MAINTENANCE_PLANNER);

        // produce
        topology.addSink(OUTBOX_SINK, IncidentTopic.NOTIFIER_OUTBOX.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.NOTIFIER_OUTBOX).serializer(), PLANNER, MAINTENANCE_PLANNER);
        topology.addSink(DEAD_LETTER_SINK, IncidentTopic.NOTIFIER_DLQ.topicName(), keys.serializer(),
                Serdes.ByteArray().serializer(), EVENT_DECODER, DETECTION_DECODER, MAINTENANCE_EVENT_DECODER,
                MAINTENANCE_DETECTION_DECODER);
        return topology;
    }
}
