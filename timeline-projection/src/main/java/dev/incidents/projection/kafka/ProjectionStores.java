package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.Detection;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.domain.Timer;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.CloudEvents;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The views and deadline timers as both processors of a task change them: saving a view also moves its timers and
 * sends the new state and its detections downstream, so all of it lands in the task's one transaction. A timer
 * keeps the trace context of what set it, so the detection it fires joins the trace of the promise it watches.
 */
final class ProjectionStores {

    private static final byte[] NO_TRACE = new byte[0];

    /** A due timer and the trace of the record that set it. */
    record DueTimer(Timer timer, Context trace) {
    }

    private final Projection projection;
    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, IncidentView> views;
    private final KeyValueStore<Bytes, byte[]> timers;
    private final ProjectionMeters meters;
    private final CloudEvents cloudEvents;

    ProjectionStores(Projection projection, ProcessorContext<String, Object> context, ProjectionMeters meters,
                     CloudEvents cloudEvents) {
        this.projection = projection;
        this.context = context;
        this.meters = meters;
        this.cloudEvents = cloudEvents;
        this.views = context.getStateStore(ProjectionTopology.VIEW_STORE);
        this.timers = context.getStateStore(ProjectionTopology.TIMER_STORE);
    }

    IncidentView view(String incidentId) {
        return views.get(incidentId);
    }

    /** Every timer due at or before {@code instant}, earliest first; the scan reads nothing that is not due. */
    List<DueTimer> dueBy(Instant instant) {
        List<DueTimer> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = timers.range(TimerKeys.first(), TimerKeys.dueBy(instant))) {
            iterator.forEachRemaining(entry -> due.add(new DueTimer(TimerKeys.timer(entry.key), trace(entry.value))));
        }
        return due;
    }

    void remove(Timer timer) {
        timers.delete(TimerKeys.of(timer));
    }

    /** @param trace the trace context the state, the detections and the new timers carry on */
    void save(IncidentView before, IncidentView after, List<Detection> detections, long timestamp, Headers trace) {
        views.put(after.incidentId(), after);
        reschedule(before, after, trace);
        meters.saved(before, after, detections);
        for (Detection detection : detections) {
            context.forward(new Record<String, Object>(after.incidentId(), ViewMapper.toDetection(detection),
                    timestamp, cloudEvents.headers(trace, IncidentTopic.INCIDENT_DETECTIONS, detection.detectionId(),
                            CloudEvents.type("detection", detection.kind().name()), after.incidentId(),
                            detection.detectedAt())), ProjectionTopology.DETECTIONS_SINK);
        }
        context.forward(new Record<String, Object>(after.incidentId(), ViewMapper.toState(after), timestamp, trace),
                ProjectionTopology.STATE_SINK);
    }

    private static Context trace(byte[] traceparent) {
        return traceparent.length == 0 ? Context.root()
                : TraceHeaders.extract(new RecordHeaders().add(TraceHeaders.TRACEPARENT, traceparent));
    }

    private void reschedule(IncidentView before, IncidentView after, Headers trace) {
        Set<Timer> planned = new HashSet<>(projection.plan(after));
        for (Timer old : projection.plan(before)) {
            if (!planned.remove(old)) {
                remove(old);
            }
        }
        Header traceparent = trace.lastHeader(TraceHeaders.TRACEPARENT);
        byte[] setBy = traceparent == null ? NO_TRACE : traceparent.value();
        List<KeyValue<Bytes, byte[]>> added = planned.stream()
                .map(timer -> KeyValue.pair(TimerKeys.of(timer), setBy)).toList();
        timers.putAll(added);
    }
}
