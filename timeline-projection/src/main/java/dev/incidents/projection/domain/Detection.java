package dev.incidents.projection.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A detection about one incident's deadline. Its id is derived from incident, kind, deadline and repeat number, so
 * the same detection emitted again (after a rebuild) carries the same id and consumers can drop the repeat.
 */
public record Detection(String detectionId, String incidentId, DetectionKind kind, Instant deadline,
                        Instant detectedAt, Duration lateBy, Severity severity, String commander, int repeat) {

    static Detection of(IncidentView view, DetectionKind kind, Instant deadline, int repeat, Instant at) {
        Duration late = at.isAfter(deadline) ? Duration.between(deadline, at) : Duration.ZERO;
        return new Detection(id(view.incidentId(), kind, deadline, repeat), view.incidentId(), kind, deadline, at,
                late, view.severity(), view.commander(), repeat);
    }

    static String id(String incidentId, DetectionKind kind, Instant deadline, int repeat) {
        String name = incidentId + "|" + kind + "|" + deadline.toEpochMilli() + "|" + repeat;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
