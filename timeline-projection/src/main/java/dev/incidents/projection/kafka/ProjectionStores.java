package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.Detection;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.domain.Timer;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.CloudEvents;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.List;

/**
 * The views and deadline timers as both processors of a task change them: saving a view also moves its timers and
 * sends the new state and its detections downstream, so all of it lands in the task's one transaction.
 */
final class ProjectionStores {

    private final Projection projection;
    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, IncidentView> views;
    private final TimerTable timers;
    private final ProjectionMeters meters;
    private final CloudEvents cloudEvents;

    ProjectionStores(Projection projection, ProcessorContext<String, Object> context, ProjectionMeters meters,
                     CloudEvents cloudEvents) {
        this.projection = projection;
        this.context = context;
        this.meters = meters;
        this.cloudEvents = cloudEvents;
        this.views = context.getStateStore(ProjectionTopology.VIEW_STORE);
        this.timers = new TimerTable(context.getStateStore(ProjectionTopology.TIMER_STORE));
    }

    IncidentView view(String incidentId) {
        return views.get(incidentId);
    }

    /** Every timer due at or before {@code instant}, earliest first. */
    List<TimerTable.DueTimer> dueBy(Instant instant) {
        return timers.dueBy(instant);
    }

    void remove(Timer timer) {
        timers.remove(timer);
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

    private void reschedule(IncidentView before, IncidentView after, Headers trace) {
        timers.reschedule(projection.plan(before), projection.plan(after), trace);
    }
}
