package dev.incidents.notifier.kafka;

import dev.incidents.avro.MaintenanceCancelled;
import dev.incidents.avro.MaintenanceCompleted;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.MaintenanceUpdated;
import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.MaintenanceHappening;
import dev.incidents.notifier.domain.MessageKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

/** Maintenance events and detections, from their Avro contract into the notifier's own terms. */
final class MaintenanceHappeningMapper {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceHappeningMapper.class);

    private MaintenanceHappeningMapper() {
    }

    /** A decoded record of maintenance-events or maintenance-detections. */
    static MaintenanceHappening of(Object value) {
        return value instanceof MaintenanceEvent event ? of(event) : of((MaintenanceDetection) value);
    }

    static MaintenanceHappening of(MaintenanceEvent event) {
        String id = event.getEventId();
        String window = event.getMaintenanceId();
        return switch (event.getPayload()) {
            case MaintenanceScheduled s -> new MaintenanceHappening.Scheduled(id, window, event.getOccurredAt(),
                    event.getActor().getId(), new MaintenanceHappening.Plan(s.getTitle(), s.getDescription(),
                            Set.copyOf(s.getComponents()), s.getStartsAt(), s.getEndsAt()),
                    Audience.valueOf(s.getAudience().name()));
            case MaintenanceUpdated u -> new MaintenanceHappening.Updated(id, window, event.getOccurredAt(),
                    new MaintenanceHappening.Plan(u.getTitle(), u.getDescription(), Set.copyOf(u.getComponents()),
                            u.getStartsAt(), u.getEndsAt()), u.getMessage());
            case MaintenanceStarted s -> new MaintenanceHappening.Started(id, window, event.getOccurredAt(),
                    s.getMessage());
            case MaintenanceCompleted c -> new MaintenanceHappening.Completed(id, window, event.getOccurredAt(),
                    c.getMessage());
            case MaintenanceCancelled c -> new MaintenanceHappening.Cancelled(id, window, event.getOccurredAt(),
                    c.getReason());
            // The payload is an Avro union, not a sealed type: a branch added to the contract later is said so.
            default -> {
                LOG.warn("Event {} of maintenance window {} has a payload this notifier does not know ({}); nobody "
                        + "is told", id, window, event.getPayload() == null ? null
                        : event.getPayload().getClass().getName());
                yield new MaintenanceHappening.Unannounced(id, window, event.getOccurredAt());
            }
        };
    }

    static MaintenanceHappening of(MaintenanceDetection detection) {
        return new MaintenanceHappening.Detected(detection.getDetectionId(), detection.getMaintenanceId(),
                detection.getDetectedAt(), MessageKind.valueOf(detection.getKind().name()), detection.getDeadline(),
                Duration.ofSeconds(detection.getLateBySeconds()), detection.getRepeat());
    }
}
