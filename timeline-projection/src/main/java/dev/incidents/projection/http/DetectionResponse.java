package dev.incidents.projection.http;

import dev.incidents.avro.IncidentDetection;

import java.time.Instant;

/** A detection as live dashboards read it. */
public record DetectionResponse(String detectionId, String incidentId, String kind, Instant deadline,
                                Instant detectedAt, long lateBySeconds, String severity, String commander,
                                int repeat) {

    static DetectionResponse of(IncidentDetection d) {
        return new DetectionResponse(d.getDetectionId(), d.getIncidentId(), d.getKind().name(), d.getDeadline(),
                d.getDetectedAt(), d.getLateBySeconds(), d.getSeverity().name(), d.getCommander(),
                d.getRepeat());
    }
}
