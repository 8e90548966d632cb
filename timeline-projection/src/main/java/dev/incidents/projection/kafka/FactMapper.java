package dev.incidents.projection.kafka;

import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.CorrectiveActionDeclined;
import dev.incidents.avro.CorrectiveActionRescheduled;
import dev.incidents.avro.CustomerReportLinked;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentReopened;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.SeverityChanged;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.projection.domain.Fact;
import dev.incidents.projection.domain.RecordedFact;
import dev.incidents.projection.domain.Severity;
import dev.incidents.projection.domain.Status;

import java.time.Duration;

/** Reads the Avro event contract into the projection's facts. */
final class FactMapper {

    private FactMapper() {
    }

    static RecordedFact toFact(IncidentEvent event) {
        return new RecordedFact(event.getIncidentId(), event.getSequence(), event.getOccurredAt(),
                event.getActor().getId(), fact(event.getPayload()));
    }

    private static Fact fact(Object payload) {
        return switch (payload) {
            case IncidentDeclared d -> new Fact.Declared(d.getTitle(), severity(d.getSeverity()), d.getSummary(),
                    d.getComponents(), d.getCommander(), d.getDetectedAt(), d.getNextUpdateDueAt(),
                    seconds(d.getCadenceSeconds()));
            case UpdatePosted u -> new Fact.UpdatePosted(Status.valueOf(u.getStatus().name()),
                    u.getAudience() == dev.incidents.avro.Audience.PUBLIC, u.getMessage(), u.getNextUpdateDueAt(),
                    seconds(u.getCadenceSeconds()));
            case SeverityChanged s ->
                    new Fact.SeverityChanged(severity(s.getTo()), s.getReason(), s.getNextUpdateDueAt(),
                            seconds(s.getCadenceSeconds()));
            case IncidentResolved r -> new Fact.Resolved(r.getMessage(), r.getRcaDueAt());
            case IncidentReopened r ->
                    new Fact.Reopened(r.getReason(), r.getNextUpdateDueAt(), seconds(r.getCadenceSeconds()));
            case RcaPublished r -> new Fact.RcaPublished(r.getRootCause(), r.getCorrectiveActions().stream()
                    .map(a -> new Fact.ActionPlan(a.getId(), a.getDescription(), a.getOwner(), a.getDueAt())).toList(),
                    r.getThirdParty() == null ? null
                            : r.getThirdParty().getVendor() + ": " + r.getThirdParty().getDescription());
            case CustomerReportLinked c -> new Fact.CustomerReportLinked(c.getReceivedAt(), c.getChannel());
            case CorrectiveActionCompleted c -> new Fact.CorrectiveActionCompleted(c.getActionId(), c.getNote(),
                    c.getDueAt());
            case CorrectiveActionDeclined d -> new Fact.CorrectiveActionDeclined(d.getActionId(), d.getReason());
            case CorrectiveActionRescheduled r -> new Fact.CorrectiveActionRescheduled(r.getActionId(),
                    r.getPreviousDueAt(), r.getDueAt(), r.getReason());
            // The payload is an Avro union, not a sealed type: a branch added to the contract lands here.
            case null, default -> throw new IllegalArgumentException("Unknown event payload " + payload);
        };
    }

    private static Severity severity(dev.incidents.avro.Severity severity) {
        return Severity.valueOf(severity.name());
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
