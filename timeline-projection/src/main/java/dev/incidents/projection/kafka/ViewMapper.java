package dev.incidents.projection.kafka;

import dev.incidents.avro.CorrectiveActionState;
import dev.incidents.avro.CorrectiveActionStatus;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentState;
import dev.incidents.projection.domain.CorrectiveActionView;
import dev.incidents.projection.domain.Detection;
import dev.incidents.projection.domain.IncidentView;

/** Writes views and detections in the Avro contracts of incident-state and incident-detections. */
final class ViewMapper {

    private ViewMapper() {
    }

    static IncidentState toState(IncidentView v) {
        return IncidentState.newBuilder()
                .setIncidentId(v.incidentId())
                .setVersion(v.version())
                .setTitle(v.title())
                .setSeverity(dev.incidents.avro.Severity.valueOf(v.severity().name()))
                .setStatus(dev.incidents.avro.IncidentStatus.valueOf(v.status().name()))
                .setOpen(v.open())
                .setComponents(v.components())
                .setCommander(v.commander())
                .setDeclaredAt(v.declaredAt())
                .setDetectedAt(v.detectedAt())
                .setFirstPublicUpdateAt(v.firstPublicUpdateAt())
                .setLastPublicUpdateAt(v.lastPublicUpdateAt())
                .setNextUpdateDueAt(v.nextUpdateDueAt())
                .setOverdue(v.overdue())
                .setOverdueSince(v.overdueSince())
                .setPromisesKept(v.promisesKept())
                .setPromisesMissed(v.promisesMissed())
                .setLateUpdateSeconds(v.lateUpdateSeconds())
                .setResolvedAt(v.resolvedAt())
                .setRcaDueAt(v.rcaDueAt())
                .setRcaPublishedAt(v.rcaPublishedAt())
                .setRcaOverdue(v.rcaOverdue())
                .setCustomerReportedFirst(v.customerReportedFirst())
                .setCorrectiveActions(v.correctiveActions().stream().map(ViewMapper::toState).toList())
                .build();
    }

    private static CorrectiveActionState toState(CorrectiveActionView a) {
        return new CorrectiveActionState(a.id(), a.description(), a.owner(), a.dueAt(),
                CorrectiveActionStatus.valueOf(a.state().name()), a.settledAt(), a.settlement(), a.onTime(),
                a.timesRescheduled(), a.overdue());
    }

    static IncidentDetection toDetection(Detection d) {
        return IncidentDetection.newBuilder()
                .setDetectionId(d.detectionId())
                .setIncidentId(d.incidentId())
                .setKind(dev.incidents.avro.DetectionKind.valueOf(d.kind().name()))
                .setDeadline(d.deadline())
                .setDetectedAt(d.detectedAt())
                .setLateBySeconds(d.lateBy().toSeconds())
                .setSeverity(dev.incidents.avro.Severity.valueOf(d.severity().name()))
                .setCommander(d.commander())
                .setRepeat(d.repeat())
                .setActionId(d.actionId())
                .setOwner(d.owner())
                .setActionDescription(d.actionDescription())
                .build();
    }
}
