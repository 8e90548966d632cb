package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.MaintenanceView;
import dev.incidents.projection.domain.Timer;
import dev.incidents.projection.kafka.TimerTable.DueTimer;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.wire.CloudEvents;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;

/**
 * Fires maintenance windows' due timers on each clock tick and on a wall-clock punctuation, never ahead of the
 * events ({@link FiringHorizon}): a window started or completed in time is never reported late because its event was
 * not read yet.
 */
final class MaintenanceScanner extends ContextualProcessor<byte[], byte[], String, Object> {

    private final MaintenanceProjection projection;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private final ProjectionTopology.Scan scan;
    private MaintenanceStores stores;

    MaintenanceScanner(MaintenanceProjection projection, ProjectionTopology.Scan scan, Tracer tracer,
                       CloudEvents cloudEvents) {
        this.projection = projection;
        this.scan = scan;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new MaintenanceStores(projection, context, cloudEvents);
        context.schedule(scan.interval(), PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    @Override
    public void process(Record<byte[], byte[]> tick) {
        fireDueTimers();
    }

    private void fireDueTimers() {
        FiringHorizon.fireDue(context(), scan.settleTime(), stores::dueBy, this::fire);
    }

    /** In a span of the trace that set the timer: the detection belongs to the plan it watches. */
    private void fire(DueTimer due, Instant now) {
        Timer timer = due.timer();
        stores.remove(timer);
        try (RecordSpan span = RecordSpan.start(tracer, "detect", due.trace(), new RecordHeaders())) {
            MaintenanceView before = stores.view(timer.subjectId());
            projection.fire(before, timer, now).ifPresent(fired ->
                    stores.save(before, fired.view(), fired.detections(), span.headers()));
        }
    }
}
