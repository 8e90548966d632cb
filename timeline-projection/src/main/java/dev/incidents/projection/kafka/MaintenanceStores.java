package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.MaintenanceDetection;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.MaintenanceView;
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
 * Maintenance windows' views and timers as the projector and the scanner of a task change them: saving a view also
 * moves its timers and sends its detections downstream, all in the task's one transaction.
 */
final class MaintenanceStores {

    private final MaintenanceProjection projection;
    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, MaintenanceView> views;
    private final TimerTable timers;
    private final CloudEvents cloudEvents;

    MaintenanceStores(MaintenanceProjection projection, ProcessorContext<String, Object> context,
                      CloudEvents cloudEvents) {
        this.projection = projection;
        this.context = context;
        this.cloudEvents = cloudEvents;
        this.views = context.getStateStore(ProjectionTopology.MAINTENANCE_VIEW_STORE);
        this.timers = new TimerTable(context.getStateStore(ProjectionTopology.MAINTENANCE_TIMER_STORE));
    }

    MaintenanceView view(String maintenanceId) {
        return views.get(maintenanceId);
    }

    List<TimerTable.DueTimer> dueBy(Instant instant) {
        return timers.dueBy(instant);
    }

    void remove(Timer timer) {
        timers.remove(timer);
    }

    /** @param trace the trace context the detections and the new timers carry on */
    void save(MaintenanceView before, MaintenanceView after, List<MaintenanceDetection> detections, Headers trace) {
        views.put(after.maintenanceId(), after);
        timers.reschedule(projection.plan(before), projection.plan(after), trace);
        for (MaintenanceDetection detection : detections) {
            context.forward(new Record<String, Object>(after.maintenanceId(),
                    MaintenanceMapper.toDetection(detection), detection.detectedAt().toEpochMilli(),
                    cloudEvents.headers(trace, IncidentTopic.MAINTENANCE_DETECTIONS, detection.detectionId(),
                            CloudEvents.type("detection", detection.kind().name()), after.maintenanceId(),
                            detection.detectedAt())), ProjectionTopology.MAINTENANCE_DETECTIONS_SINK);
        }
    }
}
