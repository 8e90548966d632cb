package dev.incidents.notifier.kafka;

import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.notifier.domain.ComponentGroups;
import dev.incidents.notifier.domain.Happening;
import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.Notice;
import dev.incidents.notifier.domain.NoticePlanner;
import dev.incidents.notifier.domain.NoticeRouter;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.NoticeRenderer;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.support.catalog.ComponentDirectory;
import dev.incidents.support.kafka.StoreSweep;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.tracing.TraceHeaders;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the messages of each event or detection: keeps the incident's brief, asks the router who is to hear of it,
 * writes the message for each in their language and zone, and puts it on the outbox, in the task's transaction.
 * An hourly wall-clock punctuation forgets the briefs of incidents resolved with their RCA published longer ago
 * than the grace, so the store holds the incidents that may still speak, not every incident ever.
 */
final class NoticePlannerProcessor extends ContextualProcessor<String, Object, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(NoticePlannerProcessor.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final NoticeRenderer renderer;
    private final Deserializer<dev.incidents.avro.notifier.Subscription> subscriptionValues;
    private final Deserializer<ComponentEvent> catalogValues;
    private final SubscriptionMapper mapper;
    private final Duration forgetBriefsAfter;
    private final Tracer tracer;
    private KeyValueStore<String, IncidentBrief> briefs;
    private KeyValueStore<String, byte[]> subscriptions;
    private KeyValueStore<String, byte[]> catalog;

    NoticePlannerProcessor(NoticeRenderer renderer,
                           Deserializer<dev.incidents.avro.notifier.Subscription> subscriptionValues,
                           Deserializer<ComponentEvent> catalogValues, SubscriptionMapper mapper,
                           Duration forgetBriefsAfter, Tracer tracer) {
        this.renderer = renderer;
        this.subscriptionValues = subscriptionValues;
        this.catalogValues = catalogValues;
        this.mapper = mapper;
        this.forgetBriefsAfter = forgetBriefsAfter;
        this.tracer = tracer;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        briefs = context.getStateStore(PlannerTopology.BRIEF_STORE);
        subscriptions = context.getStateStore(PlannerTopology.SUBSCRIPTION_STORE);
        catalog = context.getStateStore(PlannerTopology.CATALOG_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> forgetSettledBriefs(Instant.ofEpochMilli(now).minus(forgetBriefsAfter)));
    }

    private void forgetSettledBriefs(Instant cutoff) {
        StoreSweep.deleteWhere(briefs, brief -> brief.settledBefore(cutoff));
    }

    /** In a span that continues the event's or detection's trace; every message planned carries it on. */
    @Override
    public void process(Record<String, Object> record) {
        Happening happening = record.value() instanceof IncidentEvent event ? HappeningMapper.of(event)
                : HappeningMapper.of((IncidentDetection) record.value());
        try (RecordSpan span = RecordSpan.start(tracer, "plan", record.headers())) {
            NoticePlanner.Planned planned = NoticePlanner.plan(briefs.get(happening.incidentId()), happening);
            briefs.put(happening.incidentId(), planned.brief());
            planned.notice().ifPresent(notice -> send(notice, record.timestamp(), TraceHeaders.of(span.context())));
        }
    }

    private void send(Notice notice, long timestamp, Headers trace) {
        ComponentGroups groups = ComponentGroups.askingOnce(this::groupOf);
        for (Subscription subscription : NoticeRouter.recipients(notice, subscriptions(), groups)) {
            String messageId = NoticeRouter.messageId(notice, subscription);
            try {
                NoticeRenderer.Rendered rendered = renderer.render(notice, subscription.locale(),
                        subscription.timeZone());
                context().forward(new Record<String, Object>(subscription.id(),
                        OutboxMapper.toAvro(messageId, subscription, notice, rendered), timestamp, trace),
                        PlannerTopology.OUTBOX_SINK);
            } catch (RuntimeException e) {
                LOG.error("Message {} ({} of incident {}) for subscription {} could not be written; the others go on",
                        messageId, notice.kind(), notice.incident().incidentId(), subscription.id(), e);
            }
        }
    }

    private Optional<String> groupOf(String componentId) {
        byte[] record = catalog.get(componentId);
        return record == null ? Optional.empty() : Optional.ofNullable(ComponentDirectory.entryOf(
                catalogValues.deserialize(PlannerTopology.CATALOG_TOPIC, record)).group());
    }

    private List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> iterator = subscriptions.all()) {
            iterator.forEachRemaining(entry -> all.add(mapper.toDomainWithoutSecrets(subscriptionValues.deserialize(
                    PlannerTopology.SUBSCRIPTIONS_TOPIC, entry.value))));
        }
        return all;
    }
}
