package dev.incidents.projection.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A detection about one incident's deadline, or one of its corrective actions' ({@code actionId}, its
 * {@code owner} and {@code actionDescription}; null otherwise). Its id is derived from incident, kind, deadline,
 * repeat number and action, so the same detection emitted again (after a rebuild) carries the same id and
 * consumers can drop the repeat.
 */
public record Detection(String detectionId, String incidentId, DetectionKind kind, Instant deadline,
                        Instant detectedAt, Duration lateBy, Severity severity, String commander, int repeat,
                        String actionId, String owner, String actionDescription) {

    static Detection of(IncidentView view, DetectionKind kind, Instant deadline, int repeat, Instant at) {
        return new Detection(id(view.incidentId(), kind, deadline, repeat, null), view.incidentId(), kind, deadline,
                at, lateBy(deadline, at), view.severity(), view.commander(), repeat, null, null, null);
    }

    static Detection ofAction(IncidentView view, CorrectiveActionView action, DetectionKind kind, Instant deadline,
                              int repeat, Instant at) {
        return new Detection(id(view.incidentId(), kind, deadline, repeat, action.id()), view.incidentId(), kind,
                deadline, at, lateBy(deadline, at), view.severity(), view.commander(), repeat, action.id(),
                action.owner(), action.description());
    }

    private static Duration lateBy(Instant deadline, Instant at) {
        return at.isAfter(deadline) ? Duration.between(deadline, at) : Duration.ZERO;
    }

    static String id(String incidentId, DetectionKind kind, Instant deadline, int repeat, String actionId) {
        String name = incidentId + "|" + kind + "|" + deadline.toEpochMilli() + "|" + repeat
                + (actionId == null ? "" : "|" + actionId);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
