package dev.incidents.projection.kafka;

import dev.incidents.avro.IncidentEvent;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.domain.Projection.Outcome;
import dev.incidents.projection.domain.RecordedFact;
import dev.incidents.projection.domain.TimelineEntry;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.wire.CloudEvents;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies each incident event to the incident's view and timeline, and plans the view's deadlines. */
final class IncidentProjector extends ContextualProcessor<String, IncidentEvent, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentProjector.class);

    private final Projection projection;
    private final ProjectionMeters meters;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private ProjectionStores stores;
    private KeyValueStore<String, TimelineEntry> timelines;

    IncidentProjector(Projection projection, ProjectionMeters meters, Tracer tracer, CloudEvents cloudEvents) {
        this.projection = projection;
        this.meters = meters;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new ProjectionStores(projection, context, meters, cloudEvents);
        timelines = context.getStateStore(ProjectionTopology.TIMELINE_STORE);
    }

    /** In a span that continues the event's trace; the state, detections and timers it writes carry it on. */
    @Override
    public void process(Record<String, IncidentEvent> record) {
        RecordedFact fact = FactMapper.toFact(record.value());
        try (RecordSpan span = RecordSpan.start(tracer, "project", record.headers())) {
            IncidentView before = stores.view(fact.incidentId());
            switch (projection.apply(before, fact)) {
                case Outcome.Skipped skipped -> LOG.warn("Event {} of incident {} not applied ({}): {}",
                        fact.sequence(), fact.incidentId(), skipped.reason(), skipped.detail());
                case Outcome.Applied applied -> {
                    timelines.put(ProjectionTopology.timelineKey(fact.incidentId(), fact.sequence()),
                            applied.entry());
                    stores.save(before, applied.view(), applied.detections(), record.timestamp(), span.headers());
                }
            }
        }
    }
}
