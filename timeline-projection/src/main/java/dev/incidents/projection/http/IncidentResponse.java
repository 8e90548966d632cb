package dev.incidents.projection.http;

import dev.incidents.avro.CorrectiveActionState;
import dev.incidents.avro.IncidentState;
import dev.incidents.projection.domain.CommunicationReport;
import dev.incidents.projection.domain.CorrectiveActionView;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Severity;

import java.time.Instant;
import java.util.List;

/** An incident's current state as dashboards read it. */
public record IncidentResponse(String incidentId, long version, String title, String severity, String status,
                               boolean open, List<String> components, String commander, Instant declaredAt,
                               Instant detectedAt, Instant firstPublicUpdateAt, Instant lastPublicUpdateAt,
                               Instant nextUpdateDueAt, boolean overdue, Instant overdueSince, int promisesKept,
                               int promisesMissed, List<Long> lateUpdateSeconds, Instant resolvedAt,
                               Instant rcaDueAt, Instant rcaPublishedAt, boolean rcaOverdue,
                               boolean customerReportedFirst, List<CorrectiveActionResponse> correctiveActions) {

    /** One corrective action of the RCAs and how it stands; {@code settlement} is the note or decline reason. */
    public record CorrectiveActionResponse(String id, String description, String owner, Instant dueAt, String state,
                                           Instant settledAt, String settlement, Boolean onTime,
                                           int timesRescheduled, boolean overdue) {

        static CorrectiveActionResponse of(CorrectiveActionState a) {
            return new CorrectiveActionResponse(a.getId(), a.getDescription(), a.getOwner(), a.getDueAt(),
                    a.getState().name(), a.getSettledAt(), a.getSettlement(), a.getOnTime(), a.getTimesRescheduled(),
                    a.getOverdue());
        }

        static CorrectiveActionResponse of(CorrectiveActionView a) {
            return new CorrectiveActionResponse(a.id(), a.description(), a.owner(), a.dueAt(), a.state().name(),
                    a.settledAt(), a.settlement(), a.onTime(), a.timesRescheduled(), a.overdue());
        }
    }

    static IncidentResponse of(IncidentState s) {
        return new IncidentResponse(s.getIncidentId(), s.getVersion(), s.getTitle(), s.getSeverity().name(),
                s.getStatus().name(), s.getOpen(), s.getComponents(), s.getCommander(), s.getDeclaredAt(),
                s.getDetectedAt(), s.getFirstPublicUpdateAt(), s.getLastPublicUpdateAt(), s.getNextUpdateDueAt(),
                s.getOverdue(), s.getOverdueSince(), s.getPromisesKept(), s.getPromisesMissed(),
                s.getLateUpdateSeconds(), s.getResolvedAt(),
                s.getRcaDueAt(), s.getRcaPublishedAt(), s.getRcaOverdue(), s.getCustomerReportedFirst(),
                s.getCorrectiveActions().stream().map(CorrectiveActionResponse::of).toList());
    }

    CommunicationReport.IncidentFigures figures() {
        return new CommunicationReport.IncidentFigures(Severity.valueOf(severity), declaredAt, detectedAt,
                firstPublicUpdateAt, promisesKept, promisesMissed, lateUpdateSeconds, customerReportedFirst, rcaDueAt,
                rcaPublishedAt, correctiveActions.stream().map(a -> new CommunicationReport.ActionFigures(
                        CorrectiveActionView.State.valueOf(a.state()), a.dueAt(), a.onTime())).toList());
    }

    static IncidentResponse of(IncidentView v) {
        return new IncidentResponse(v.incidentId(), v.version(), v.title(), v.severity().name(), v.status().name(),
                v.open(), v.components(), v.commander(), v.declaredAt(), v.detectedAt(), v.firstPublicUpdateAt(),
                v.lastPublicUpdateAt(), v.nextUpdateDueAt(), v.overdue(), v.overdueSince(), v.promisesKept(),
                v.promisesMissed(), v.lateUpdateSeconds(), v.resolvedAt(), v.rcaDueAt(), v.rcaPublishedAt(),
                v.rcaOverdue(), v.customerReportedFirst(),
                v.correctiveActions().stream().map(CorrectiveActionResponse::of).toList());
    }
}
