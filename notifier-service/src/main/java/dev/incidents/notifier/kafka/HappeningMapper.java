package dev.incidents.notifier.kafka;

import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.CorrectiveActionDeclined;
import dev.incidents.avro.CorrectiveActionRescheduled;
import dev.incidents.avro.CustomerReportLinked;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentReopened;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.SeverityChanged;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Happening;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.NoticeDetail;
import dev.incidents.notifier.domain.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

/** Incident events and detections, from their Avro contract into the notifier's own terms. */
final class HappeningMapper {

    private static final Logger LOG = LoggerFactory.getLogger(HappeningMapper.class);

    private HappeningMapper() {
    }

    /** A decoded record of incident-events or incident-detections. */
    static Happening of(Object value) {
        return value instanceof IncidentEvent event ? of(event) : of((IncidentDetection) value);
    }

    static Happening of(IncidentEvent event) {
        String id = event.getEventId();
        String incident = event.getIncidentId();
        Object payload = event.getPayload();
        return switch (payload) {
            case IncidentDeclared d -> new Happening.Declared(id, incident, event.getOccurredAt(), d.getTitle(),
                    severity(d.getSeverity()), d.getSummary(), Set.copyOf(d.getComponents()), d.getCommander(),
                    d.getNextUpdateDueAt());
            case UpdatePosted u -> new Happening.UpdatePosted(id, incident, event.getOccurredAt(),
                    u.getStatus().name(), u.getMessage(), Audience.valueOf(u.getAudience().name()),
                    u.getNextUpdateDueAt());
            case SeverityChanged c -> new Happening.SeverityChanged(id, incident, event.getOccurredAt(),
                    severity(c.getFrom()), severity(c.getTo()), c.getReason(), c.getNextUpdateDueAt());
            case IncidentResolved r -> new Happening.Resolved(id, incident, event.getOccurredAt(), r.getMessage(),
                    r.getRcaDueAt());
            case IncidentReopened r -> new Happening.Reopened(id, incident, event.getOccurredAt(), r.getReason(),
                    r.getNextUpdateDueAt());
            case RcaPublished p -> new Happening.RcaPublished(id, incident, event.getOccurredAt(), p.getRootCause(),
                    p.getCorrectiveActions().stream().map(a -> new NoticeDetail.CorrectiveAction(a.getDescription(),
                            a.getOwner(), a.getDueAt())).toList(),
                    p.getThirdParty() == null ? null : p.getThirdParty().getVendor());
            // Customer reports are internal bookkeeping: nobody is messaged about them. Nor about the follow-up of
            // corrective actions: the dashboard shows it, and the detections tell owner and commander what is due.
            case CustomerReportLinked ignored -> new Happening.Unannounced(id, incident, event.getOccurredAt());
            case CorrectiveActionCompleted ignored -> new Happening.Unannounced(id, incident, event.getOccurredAt());
            case CorrectiveActionDeclined ignored -> new Happening.Unannounced(id, incident, event.getOccurredAt());
            case CorrectiveActionRescheduled ignored ->
                    new Happening.Unannounced(id, incident, event.getOccurredAt());
            // The payload is an Avro union, not a sealed type: a branch added to the contract later is said so.
            default -> {
                LOG.warn("Event {} of incident {} has a payload this notifier does not know ({}); nobody is told",
                        id, incident, payload == null ? null : payload.getClass().getName());
                yield new Happening.Unannounced(id, incident, event.getOccurredAt());
            }
        };
    }

    static Happening of(IncidentDetection detection) {
        return new Happening.Detected(detection.getDetectionId(), detection.getIncidentId(),
                detection.getDetectedAt(), MessageKind.valueOf(detection.getKind().name()), detection.getDeadline(),
                Duration.ofSeconds(detection.getLateBySeconds()), detection.getRepeat(),
                severity(detection.getSeverity()), detection.getCommander(), detection.getActionId() == null ? null
                        : new Happening.ActionRef(detection.getActionId(), detection.getActionDescription(),
                                detection.getOwner()));
    }

    private static Severity severity(dev.incidents.avro.Severity severity) {
        return severity == null ? null : Severity.valueOf(severity.name());
    }
}
