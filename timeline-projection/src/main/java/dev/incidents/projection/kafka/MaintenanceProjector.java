package dev.incidents.projection.kafka;

import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.projection.domain.MaintenanceFact;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.MaintenanceView;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.wire.CloudEvents;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Applies each maintenance event to its window's view, and plans the window's timers. */
final class MaintenanceProjector extends ContextualProcessor<String, Object, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceProjector.class);

    private final MaintenanceProjection projection;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private MaintenanceStores stores;

    MaintenanceProjector(MaintenanceProjection projection, Tracer tracer, CloudEvents cloudEvents) {
        this.projection = projection;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new MaintenanceStores(projection, context, cloudEvents);
    }

    /** In a span that continues the event's trace; the timers it sets carry it on. */
    @Override
    public void process(Record<String, Object> record) {
        MaintenanceFact.Recorded fact = MaintenanceMapper.toFact((MaintenanceEvent) record.value());
        try (RecordSpan span = RecordSpan.start(tracer, "project", record.headers())) {
            MaintenanceView before = stores.view(fact.maintenanceId());
            MaintenanceProjection.Applied applied = projection.apply(before, fact);
            if (applied.wasSkipped()) {
                LOG.warn("Event {} of maintenance {} not applied: {}", fact.sequence(), fact.maintenanceId(),
                        applied.skipped());
                return;
            }
            stores.save(before, applied.view(), List.of(), span.headers());
        }
    }
}
