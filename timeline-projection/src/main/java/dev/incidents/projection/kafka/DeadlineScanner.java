package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
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

import java.time.Duration;
import java.time.Instant;

/**
 * Fires due deadlines, but never ahead of the events: a deadline fires once the wall clock has passed it and the
 * task has read every event appended before it ({@link FiringHorizon}). Records of incident-events and
 * incident-clock-ticks carry the broker's append time; Kafka Streams reads this task's partition of each in
 * timestamp order and waits for event data already on the broker, so the task's stream time, advanced by the ticks,
 * is how far the events are read. A projection that is behind or rebuilding therefore never declares overdue a
 * promise that an unread update kept.
 * <p>
 * Fires on each tick and on a wall-clock punctuation; either way it reads only the timers that are due.
 */
final class DeadlineScanner extends ContextualProcessor<byte[], byte[], String, Object> {

    private final Projection projection;
    private final ProjectionMeters meters;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private final Duration scanInterval;
    private final Duration settleTime;
    private ProjectionStores stores;

    DeadlineScanner(Projection projection, Duration scanInterval, Duration settleTime, ProjectionMeters meters,
                    Tracer tracer, CloudEvents cloudEvents) {
        this.projection = projection;
        this.meters = meters;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
        this.scanInterval = scanInterval;
        this.settleTime = settleTime;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        stores = new ProjectionStores(projection, context, meters, cloudEvents);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    @Override
    public void process(Record<byte[], byte[]> tick) {
        fireDueTimers();
    }

    private void fireDueTimers() {
        FiringHorizon.fireDue(context(), settleTime, stores::dueBy, this::fire);
    }

    /** In a span of the trace that set the timer: the detection belongs to the promise it watches. */
    private void fire(DueTimer due, Instant now) {
        Timer timer = due.timer();
        stores.remove(timer);
        try (RecordSpan span = RecordSpan.start(tracer, "detect", due.trace(), new RecordHeaders())) {
            IncidentView before = stores.view(timer.subjectId());
            projection.fire(before, timer, now).ifPresent(fired ->
                    stores.save(before, fired.view(), fired.detections(), now.toEpochMilli(), span.headers()));
        }
    }
}
