package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.List;

/** What someone asks of an incident; decided by {@link IncidentDecider} into events or a rejection. */
public sealed interface IncidentCommand {

    record DeclareIncident(String title, Severity severity, String summary, List<String> components,
                           String commander, Instant detectedAt, String dedupKey, String source)
            implements IncidentCommand {
        public DeclareIncident {
            components = components == null ? List.of() : List.copyOf(components);
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
}
