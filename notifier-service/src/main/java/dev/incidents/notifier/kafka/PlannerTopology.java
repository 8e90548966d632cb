package dev.incidents.notifier.kafka;

import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.notifier.domain.IncidentBrief;
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

/**
 * incident-events and incident-detections in, notifier-outbox out. Consume (decode, dead-letter what cannot be
 * read), plan (incident briefs; subscriptions and the component catalog from global stores of their compacted
 * topics), produce (one written
 * message per recipient, keyed by subscription).
 */
public final class PlannerTopology {

    static final String EVENTS_SOURCE = "incident-events-source";
    static final String DETECTIONS_SOURCE = "incident-detections-source";
    static final String EVENT_DECODER = "event-decoder";
    static final String DETECTION_DECODER = "detection-decoder";
    static final String PLANNER = "notice-planner";
    static final String OUTBOX_SINK = "notifier-outbox-sink";
    static final String DEAD_LETTER_SINK = "notifier-dlq-sink";
    static final String SUBSCRIPTIONS_SOURCE = "notifier-subscriptions-source";
    static final String SUBSCRIPTIONS_LOADER = "subscriptions-loader";
    static final String CATALOG_SOURCE = "incident-components-source";
    static final String CATALOG_LOADER = "component-catalog-loader";

    public static final String BRIEF_STORE = "incident-briefs";
    public static final String SUBSCRIPTION_STORE = "subscriptions";
    public static final String CATALOG_STORE = "component-catalog";
    static final String SUBSCRIPTIONS_TOPIC = IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName();
    static final String CATALOG_TOPIC = IncidentTopic.INCIDENT_COMPONENTS.topicName();

    private PlannerTopology() {
    }

    /**
     * @param registry          where the count of dead letters goes
     * @param forgetBriefsAfter how long after its RCA is published a resolved incident's brief is kept
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
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTION_STORE),
                        keys, Serdes.ByteArray()).withLoggingDisabled(), SUBSCRIPTIONS_SOURCE, keys.deserializer(),
                Serdes.ByteArray().deserializer(), SUBSCRIPTIONS_TOPIC, SUBSCRIPTIONS_LOADER,
                () -> new TopicCopyLoader(SUBSCRIPTION_STORE));
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CATALOG_STORE),
                        keys, Serdes.ByteArray()).withLoggingDisabled(), CATALOG_SOURCE, keys.deserializer(),
                Serdes.ByteArray().deserializer(), CATALOG_TOPIC, CATALOG_LOADER,
                () -> new TopicCopyLoader(CATALOG_STORE));

        // plan
        topology.addProcessor(PLANNER, () -> new NoticePlannerProcessor(renderer,
                avro.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS).deserializer(),
                avro.forValue(IncidentTopic.INCIDENT_COMPONENTS).deserializer(), subscriptions, forgetBriefsAfter,
                tracer),
                EVENT_DECODER, DETECTION_DECODER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BRIEF_STORE), keys,
                new JsonSerde<>(IncidentBrief.class)), PLANNER);

        // produce
        topology.addSink(OUTBOX_SINK, IncidentTopic.NOTIFIER_OUTBOX.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.NOTIFIER_OUTBOX).serializer(), PLANNER);
        topology.addSink(DEAD_LETTER_SINK, IncidentTopic.NOTIFIER_DLQ.topicName(), keys.serializer(),
                Serdes.ByteArray().serializer(), EVENT_DECODER, DETECTION_DECODER);
        return topology;
    }
}
