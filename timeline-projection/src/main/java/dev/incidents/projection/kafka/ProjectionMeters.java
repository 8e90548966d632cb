package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.Detection;
import dev.incidents.projection.domain.IncidentView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * What the projection saw happen, counted as each view is saved: {@code incident_detections_total{kind}} and
 * {@code incident_promises_total{outcome="kept|missed",severity}} (settled by the next public word: kept if it
 * came by the promised time, missed if after; the overdue detection in between is counted as a detection). Counted once per processing: a task that crashes before its
 * commit counts its records again when they are reprocessed, as counters of any consumer do.
 */
final class ProjectionMeters {

    private final MeterRegistry registry;

    ProjectionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void saved(IncidentView before, IncidentView after, List<Detection> detections) {
        for (Detection detection : detections) {
            Counter.builder("incident.detections").description("Deadline detections fired, by kind")
                    .tag("kind", detection.kind().name()).register(registry).increment();
        }
        promises(after, "kept", after.promisesKept() - (before == null ? 0 : before.promisesKept()));
        promises(after, "missed", after.promisesMissed() - (before == null ? 0 : before.promisesMissed()));
    }

    private void promises(IncidentView view, String outcome, int count) {
        if (count > 0) {
            Counter.builder("incident.promises").description("Update promises settled by the next public word: kept in time, or missed")
                    .tag("outcome", outcome).tag("severity", view.severity().name())
                    .register(registry).increment(count);
        }
    }
}
