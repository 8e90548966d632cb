package dev.incidents.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the notifier reads, in its own terms: an incident event or a detection of the projection. {@code sourceId}
 * is the event id or the detection id, both stable across redelivery and rebuilds.
 */
public sealed interface Happening {

    String sourceId();

    String incidentId();

    Instant at();

    record Declared(String sourceId, String incidentId, Instant at, String title, Severity severity, String summary,
                    Set<String> components, String commander, Instant nextUpdateAt) implements Happening {
    }

    record UpdatePosted(String sourceId, String incidentId, Instant at, String status, String message,
                        Audience audience, Instant nextUpdateAt) implements Happening {
    }

    record SeverityChanged(String sourceId, String incidentId, Instant at, Severity from, Severity to,
                           String reason, Instant nextUpdateAt) implements Happening {
    }

    record Resolved(String sourceId, String incidentId, Instant at, String message, Instant rcaDueAt)
            implements Happening {
    }

    record Reopened(String sourceId, String incidentId, Instant at, String reason, Instant nextUpdateAt)
            implements Happening {
    }

    record RcaPublished(String sourceId, String incidentId, Instant at, String rootCause,
                        List<NoticeDetail.CorrectiveAction> correctiveActions, String thirdParty)
            implements Happening {
    }

    /**
     * A detection; {@code kind} is one of the alert kinds, {@code severity} and {@code commander} as detected;
     * {@code action} the corrective action it is about, or null.
     */
    record Detected(String sourceId, String incidentId, Instant at, MessageKind kind, Instant deadline,
                    Duration lateBy, int repeat, Severity severity, String commander, ActionRef action)
            implements Happening {
    }

    /** A corrective action of the incident's RCA, as a detection names it. */
    record ActionRef(String id, String description, String owner) {
    }

    /** An event no subscriber is told about (a linked customer report). */
    record Unannounced(String sourceId, String incidentId, Instant at) implements Happening {
    }
}
