package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.List;

/** What someone asks of an incident; decided by {@link IncidentDecider} into events or a rejection. */
public sealed interface IncidentCommand {

    /**
     * @param alerts a monitor's report of its alert group (empty from people): with a dedup key, the open incident
     *               holding the key learns what changed; no incident is declared for a report in which nothing fires
     */
    record DeclareIncident(String title, Severity severity, String summary, List<String> components,
                           String commander, Instant detectedAt, String dedupKey, String source,
                           List<AlertSignal> alerts)
            implements IncidentCommand {
        public DeclareIncident {
            components = components == null ? List.of() : List.copyOf(components);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }

        public DeclareIncident(String title, Severity severity, String summary, List<String> components,
                               String commander, Instant detectedAt, String dedupKey, String source) {
            this(title, severity, summary, components, commander, detectedAt, dedupKey, source, List.of());
        }

        public boolean reportsAlerts() {
            return !alerts.isEmpty();
        }
    }

    record PostUpdate(IncidentStatus status, String message, Audience audience, Instant nextUpdateAt)
            implements IncidentCommand {
    }

    record ChangeSeverity(Severity severity, String reason) implements IncidentCommand {
    }

    record ResolveIncident(String message, Instant rcaDueAt, String rcaOwner) implements IncidentCommand {
    }

    record ReopenIncident(String reason) implements IncidentCommand {
    }

    record PublishRca(String rootCause, List<CorrectiveAction> correctiveActions, ThirdPartyCause thirdParty)
            implements IncidentCommand {
        public PublishRca {
            correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
        }
    }

    record LinkCustomerReport(Instant receivedAt, String channel, String reference) implements IncidentCommand {
    }

    /** @param note what was done, or a link to it */
    record CompleteCorrectiveAction(String actionId, String note) implements IncidentCommand {
    }

    /** Deciding not to do an action the RCA promised is a commander's call, and its reason is kept. */
    record DeclineCorrectiveAction(String actionId, String reason) implements IncidentCommand {
    }

    record RescheduleCorrectiveAction(String actionId, Instant dueAt, String reason) implements IncidentCommand {
    }
}
