package dev.incidents.projection.kafka;

import dev.incidents.avro.Audience;
import dev.incidents.avro.MaintenanceCancelled;
import dev.incidents.avro.MaintenanceCompleted;
import dev.incidents.avro.MaintenanceDetectionKind;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.MaintenanceUpdated;
import dev.incidents.projection.domain.MaintenanceDetection;
import dev.incidents.projection.domain.MaintenanceFact;

/** Reads maintenance-events into the projection's facts and writes its maintenance detections in their contract. */
final class MaintenanceMapper {

    private MaintenanceMapper() {
    }

    static MaintenanceFact.Recorded toFact(MaintenanceEvent event) {
        return new MaintenanceFact.Recorded(event.getMaintenanceId(), event.getSequence(), event.getOccurredAt(),
                fact(event.getPayload()));
    }

    private static MaintenanceFact fact(Object payload) {
        return switch (payload) {
            case MaintenanceScheduled e -> new MaintenanceFact.Scheduled(e.getTitle(), e.getDescription(),
                    e.getComponents(), e.getStartsAt(), e.getEndsAt(), e.getAudience() == Audience.PUBLIC);
            case MaintenanceUpdated e -> new MaintenanceFact.Updated(e.getMessage(), e.getTitle(),
                    e.getDescription(), e.getComponents(), e.getStartsAt(), e.getEndsAt());
            case MaintenanceStarted e -> new MaintenanceFact.Started(e.getMessage());
            case MaintenanceCompleted e -> new MaintenanceFact.Completed(e.getMessage());
            case MaintenanceCancelled e -> new MaintenanceFact.Cancelled(e.getReason());
            default -> throw new IllegalArgumentException("Unknown maintenance event " + payload.getClass());
        };
    }

    static dev.incidents.avro.MaintenanceDetection toDetection(MaintenanceDetection detection) {
        return dev.incidents.avro.MaintenanceDetection.newBuilder()
                .setDetectionId(detection.detectionId())
                .setMaintenanceId(detection.maintenanceId())
                .setKind(MaintenanceDetectionKind.valueOf(detection.kind().name()))
                .setDeadline(detection.deadline())
                .setDetectedAt(detection.detectedAt())
                .setLateBySeconds(detection.lateBy().toSeconds())
                .setRepeat(detection.repeat())
                .build();
    }
}
