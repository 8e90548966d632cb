package dev.incidents.commands.wire;

import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.CorrectiveActionDeclined;
import dev.incidents.avro.CorrectiveActionRescheduled;
import dev.incidents.avro.CustomerReportLinked;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentReopened;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.SeverityChanged;
import dev.incidents.avro.ThirdPartyCause;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.commands.domain.IncidentEvent;

import static dev.incidents.commands.wire.CommandMapper.actor;
import static dev.incidents.commands.wire.CommandMapper.alerts;
import static dev.incidents.commands.wire.CommandMapper.audience;
import static dev.incidents.commands.wire.CommandMapper.correctiveActions;
import static dev.incidents.commands.wire.CommandMapper.severity;
import static dev.incidents.commands.wire.CommandMapper.status;

/** Writes domain events in the Avro event contract of the incident-events topic. */
public final class EventMapper {

    private EventMapper() {
    }

    public static dev.incidents.avro.IncidentEvent toAvro(RecordedEvent event) {
        return dev.incidents.avro.IncidentEvent.newBuilder()
                .setEventId(event.eventId())
                .setIncidentId(event.incidentId())
                .setSequence(event.sequence())
                .setOccurredAt(event.occurredAt())
                .setActor(actor(event.actor()))
                .setCausingCommandId(event.causingCommandId())
                .setPayload(payload(event.payload()))
                .build();
    }

    private static Object payload(IncidentEvent event) {
        return switch (event) {
            case IncidentEvent.IncidentDeclared e ->
                    new IncidentDeclared(e.title(), severity(e.severity()), e.summary(), e.components(), e.commander(),
                            e.detectedAt(), e.dedupKey(), e.source(), e.nextUpdateDueAt(), e.cadence().toSeconds(),
                            alerts(e.alerts()));
            case IncidentEvent.UpdatePosted e ->
                    new UpdatePosted(status(e.status()), e.message(), audience(e.audience()), e.nextUpdateDueAt(),
                            e.cadence().toSeconds(), alerts(e.alerts()));
            case IncidentEvent.SeverityChanged e ->
                    new SeverityChanged(severity(e.from()), severity(e.to()), e.reason(), e.nextUpdateDueAt(),
                            e.cadence().toSeconds());
            case IncidentEvent.IncidentResolved e ->
                    new IncidentResolved(e.message(), e.rcaDueAt(), e.rcaOwner(), e.rcaWindow().toSeconds());
            case IncidentEvent.IncidentReopened e ->
                    new IncidentReopened(e.reason(), e.nextUpdateDueAt(), e.cadence().toSeconds());
            case IncidentEvent.RcaPublished e ->
                    new RcaPublished(e.rootCause(), correctiveActions(e.correctiveActions()),
                            e.thirdParty() == null ? null
                                    : new ThirdPartyCause(e.thirdParty().vendor(), e.thirdParty().description()));
            case IncidentEvent.CustomerReportLinked e ->
                    new CustomerReportLinked(e.receivedAt(), e.channel(), e.reference());
            case IncidentEvent.CorrectiveActionCompleted e ->
                    new CorrectiveActionCompleted(e.actionId(), e.note(), e.dueAt());
            case IncidentEvent.CorrectiveActionDeclined e -> new CorrectiveActionDeclined(e.actionId(), e.reason());
            case IncidentEvent.CorrectiveActionRescheduled e ->
                    new CorrectiveActionRescheduled(e.actionId(), e.previousDueAt(), e.dueAt(), e.reason());
        };
    }
}
