package dev.incidents.commands.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Facts in an incident's life. Decisions (deadlines, the cadence or window that set them) are stamped in,
 * so evolving state from the log never consults today's policy.
 */
public sealed interface IncidentEvent {

    /** @param alerts the monitor's alerts that made the incident, as first reported (empty when declared by hand) */
    record IncidentDeclared(String title, Severity severity, String summary, List<String> components,
                            String commander, Instant detectedAt, String dedupKey, String source,
                            Instant nextUpdateDueAt, Duration cadence, List<AlertSignal> alerts)
            implements IncidentEvent {
        public IncidentDeclared {
            components = List.copyOf(components);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }

        public IncidentDeclared(String title, Severity severity, String summary, List<String> components,
                                String commander, Instant detectedAt, String dedupKey, String source,
                                Instant nextUpdateDueAt, Duration cadence) {
            this(title, severity, summary, components, commander, detectedAt, dedupKey, source, nextUpdateDueAt,
                    cadence, List.of());
        }
    }

    /** @param alerts the monitor's alerts whose state this (INTERNAL) update reports as changed; else empty */
    record UpdatePosted(IncidentStatus status, String message, Audience audience, Instant nextUpdateDueAt,
                        Duration cadence, List<AlertSignal> alerts) implements IncidentEvent {
        public UpdatePosted {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }

        public UpdatePosted(IncidentStatus status, String message, Audience audience, Instant nextUpdateDueAt,
                            Duration cadence) {
            this(status, message, audience, nextUpdateDueAt, cadence, List.of());
        }
    }

    record SeverityChanged(Severity from, Severity to, String reason, Instant nextUpdateDueAt, Duration cadence)
            implements IncidentEvent {
    }

    record IncidentResolved(String message, Instant rcaDueAt, String rcaOwner, Duration rcaWindow)
            implements IncidentEvent {
    }

    record IncidentReopened(String reason, Instant nextUpdateDueAt, Duration cadence) implements IncidentEvent {
    }

    /**
     * @param correctiveActions each with its id and due date stamped (both may be missing in events written before
     *                          the decider stamped them: {@link IncidentDecider#evolve} then numbers them in order)
     */
    record RcaPublished(String rootCause, List<CorrectiveAction> correctiveActions, ThirdPartyCause thirdParty)
            implements IncidentEvent {
        public RcaPublished {
            correctiveActions = List.copyOf(correctiveActions);
        }
    }

    record CustomerReportLinked(Instant receivedAt, String channel, String reference) implements IncidentEvent {
    }

    /** @param dueAt the due date in force when it was completed, so "on time" is read from the event alone */
    record CorrectiveActionCompleted(String actionId, String note, Instant dueAt) implements IncidentEvent {
    }

    record CorrectiveActionDeclined(String actionId, String reason) implements IncidentEvent {
    }

    record CorrectiveActionRescheduled(String actionId, Instant previousDueAt, Instant dueAt, String reason)
            implements IncidentEvent {
    }
}
