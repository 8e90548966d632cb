package dev.incidents.notifier.planner;

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

import java.time.Duration;
import java.util.Set;

/** Incident events and detections, from their Avro contract into the notifier's own terms. */
final class HappeningMapper {

    private HappeningMapper() {
    }

    static Happening of(IncidentEvent event) {
        String id = event.getEventId();
        String incident = event.getIncidentId();
        Object payload = event.getPayload();
        if (payload instanceof IncidentDeclared d) {
            return new Happening.Declared(id, incident, event.getOccurredAt(), d.getTitle(), severity(d.getSeverity()),
                    d.getSummary(), Set.copyOf(d.getComponents()), d.getCommander(), d.getNextUpdateDueAt());
        }
        if (payload instanceof UpdatePosted u) {
            return new Happening.UpdatePosted(id, incident, event.getOccurredAt(), u.getStatus().name(),
                    u.getMessage(), Audience.valueOf(u.getAudience().name()), u.getNextUpdateDueAt());
        }
        if (payload instanceof SeverityChanged c) {
            return new Happening.SeverityChanged(id, incident, event.getOccurredAt(), severity(c.getFrom()),
                    severity(c.getTo()), c.getReason(), c.getNextUpdateDueAt());
        }
        if (payload instanceof IncidentResolved r) {
            return new Happening.Resolved(id, incident, event.getOccurredAt(), r.getMessage(), r.getRcaDueAt());
        }
        if (payload instanceof IncidentReopened r) {
            return new Happening.Reopened(id, incident, event.getOccurredAt(), r.getReason(), r.getNextUpdateDueAt());
        }
        if (payload instanceof RcaPublished p) {
            return new Happening.RcaPublished(id, incident, event.getOccurredAt(), p.getRootCause(),
                    p.getCorrectiveActions().stream().map(a -> new NoticeDetail.CorrectiveAction(a.getDescription(),
                            a.getOwner(), a.getDueAt())).toList(),
                    p.getThirdParty() == null ? null : p.getThirdParty().getVendor());
        }
        return new Happening.Unannounced(id, incident, event.getOccurredAt());
    }

    static Happening of(IncidentDetection detection) {
        return new Happening.Detected(detection.getDetectionId(), detection.getIncidentId(),
                detection.getDetectedAt(), MessageKind.valueOf(detection.getKind().name()), detection.getDeadline(),
                Duration.ofSeconds(detection.getLateBySeconds()), detection.getRepeat(),
                severity(detection.getSeverity()), detection.getCommander());
    }

    private static Severity severity(dev.incidents.avro.Severity severity) {
        return severity == null ? null : Severity.valueOf(severity.name());
    }
}
