package dev.incidents.commands.wire;

import dev.incidents.avro.AlertState;
import dev.incidents.avro.ChangeSeverity;
import dev.incidents.avro.CompleteCorrectiveAction;
import dev.incidents.avro.DeclareIncident;
import dev.incidents.avro.DeclineCorrectiveAction;
import dev.incidents.avro.LinkCustomerReport;
import dev.incidents.avro.PostUpdate;
import dev.incidents.avro.PublishRca;
import dev.incidents.avro.ReopenIncident;
import dev.incidents.avro.RescheduleCorrectiveAction;
import dev.incidents.avro.ResolveIncident;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.CorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Severity;
import dev.incidents.commands.domain.ThirdPartyCause;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;

/** Translates between the Avro command contract and domain commands, in both directions. */
public final class CommandMapper {

    private CommandMapper() {
    }

    public static CommandEnvelope toDomain(dev.incidents.avro.IncidentCommand avro) {
        return new CommandEnvelope(avro.getCommandId(), avro.getIncidentId(), actor(avro.getActor()),
                avro.getExpectedVersion(), avro.getRequestFingerprint(), command(avro.getCommand()));
    }

    public static dev.incidents.avro.IncidentCommand toAvro(CommandEnvelope envelope) {
        return dev.incidents.avro.IncidentCommand.newBuilder()
                .setCommandId(envelope.commandId())
                .setIncidentId(envelope.incidentId())
                .setActor(actor(envelope.actor()))
                .setExpectedVersion(envelope.expectedVersion())
                .setRequestFingerprint(envelope.requestFingerprint())
                .setCommand(command(envelope.command()))
                .build();
    }

    static Actor actor(dev.incidents.avro.Actor avro) {
        return new Actor(avro.getId(), Actor.Kind.valueOf(avro.getKind().name()));
    }

    static dev.incidents.avro.Actor actor(Actor actor) {
        return new dev.incidents.avro.Actor(actor.id(), dev.incidents.avro.ActorKind.valueOf(actor.kind().name()));
    }

    static Severity severity(dev.incidents.avro.Severity avro) {
        return avro == null ? null : Severity.valueOf(avro.name());
    }

    static dev.incidents.avro.Severity severity(Severity severity) {
        return dev.incidents.avro.Severity.valueOf(severity.name());
    }

    static dev.incidents.avro.IncidentStatus status(IncidentStatus status) {
        return dev.incidents.avro.IncidentStatus.valueOf(status.name());
    }

    static dev.incidents.avro.Audience audience(Audience audience) {
        return dev.incidents.avro.Audience.valueOf(audience.name());
    }

    /**
     * The command's type as the contract names it (its record in the command union), for results and request
     * fingerprints: stored data that a renamed Java class must not change.
     */
    public static String typeName(IncidentCommand command) {
        return typeName(command(command));
    }

    /** @param payload a record of the command union, as {@code IncidentCommand.getCommand()} holds it */
    public static String typeName(SpecificRecord payload) {
        return payload.getSchema().getName();
    }

    private static IncidentCommand command(Object avro) {
        return switch (avro) {
            case DeclareIncident c -> new IncidentCommand.DeclareIncident(c.getTitle(), severity(c.getSeverity()),
                    c.getSummary(), c.getComponents(), c.getCommander(), c.getDetectedAt(), c.getDedupKey(),
                    c.getSource(), c.getAlerts().stream().map(CommandMapper::alert).toList());
            case PostUpdate c -> new IncidentCommand.PostUpdate(
                    c.getStatus() == null ? null : IncidentStatus.valueOf(c.getStatus().name()), c.getMessage(),
                    c.getAudience() == null ? null : Audience.valueOf(c.getAudience().name()), c.getNextUpdateAt());
            case ChangeSeverity c -> new IncidentCommand.ChangeSeverity(severity(c.getSeverity()), c.getReason());
            case ResolveIncident c -> new IncidentCommand.ResolveIncident(c.getMessage(), c.getRcaDueAt(),
                    c.getRcaOwner());
            case ReopenIncident c -> new IncidentCommand.ReopenIncident(c.getReason());
            case PublishRca c -> new IncidentCommand.PublishRca(c.getRootCause(), c.getCorrectiveActions().stream()
                    .map(CommandMapper::correctiveAction).toList(),
                    c.getThirdParty() == null ? null
                            : new ThirdPartyCause(c.getThirdParty().getVendor(), c.getThirdParty().getDescription()));
            case LinkCustomerReport c -> new IncidentCommand.LinkCustomerReport(c.getReceivedAt(), c.getChannel(),
                    c.getReference());
            case CompleteCorrectiveAction c -> new IncidentCommand.CompleteCorrectiveAction(c.getActionId(),
                    c.getNote());
            case DeclineCorrectiveAction c -> new IncidentCommand.DeclineCorrectiveAction(c.getActionId(),
                    c.getReason());
            case RescheduleCorrectiveAction c -> new IncidentCommand.RescheduleCorrectiveAction(c.getActionId(),
                    c.getDueAt(), c.getReason());
            case null, default -> throw new IllegalArgumentException(
                    "Unknown command payload " + (avro == null ? null : avro.getClass()));
        };
    }

    private static SpecificRecord command(IncidentCommand command) {
        return switch (command) {
            case IncidentCommand.DeclareIncident c -> new DeclareIncident(c.title(), severity(c.severity()),
                    c.summary(), c.components(), c.commander(), c.detectedAt(), c.dedupKey(), c.source(),
                    alerts(c.alerts()));
            case IncidentCommand.PostUpdate c -> new PostUpdate(status(c.status()), c.message(),
                    audience(c.audience()), c.nextUpdateAt());
            case IncidentCommand.ChangeSeverity c -> new ChangeSeverity(severity(c.severity()), c.reason());
            case IncidentCommand.ResolveIncident c -> new ResolveIncident(c.message(), c.rcaDueAt(), c.rcaOwner());
            case IncidentCommand.ReopenIncident c -> new ReopenIncident(c.reason());
            case IncidentCommand.PublishRca c -> new PublishRca(c.rootCause(), correctiveActions(c.correctiveActions()),
                    c.thirdParty() == null ? null
                            : new dev.incidents.avro.ThirdPartyCause(c.thirdParty().vendor(),
                                    c.thirdParty().description()));
            case IncidentCommand.LinkCustomerReport c -> new LinkCustomerReport(c.receivedAt(), c.channel(),
                    c.reference());
            case IncidentCommand.CompleteCorrectiveAction c -> new CompleteCorrectiveAction(c.actionId(), c.note());
            case IncidentCommand.DeclineCorrectiveAction c -> new DeclineCorrectiveAction(c.actionId(), c.reason());
            case IncidentCommand.RescheduleCorrectiveAction c -> new RescheduleCorrectiveAction(c.actionId(),
                    c.dueAt(), c.reason());
        };
    }

    static List<dev.incidents.avro.AlertSignal> alerts(List<AlertSignal> alerts) {
        return alerts.stream().map(a -> new dev.incidents.avro.AlertSignal(a.key(), a.name(),
                a.state() == null ? null : AlertState.valueOf(a.state().name()))).toList();
    }

    private static AlertSignal alert(dev.incidents.avro.AlertSignal a) {
        return new AlertSignal(a.getKey(), a.getName(),
                a.getState() == null ? null : AlertSignal.State.valueOf(a.getState().name()));
    }

    static List<dev.incidents.avro.CorrectiveAction> correctiveActions(List<CorrectiveAction> actions) {
        return actions.stream()
                .map(a -> new dev.incidents.avro.CorrectiveAction(a.id(), a.description(), a.owner(), a.dueAt()))
                .toList();
    }

    private static CorrectiveAction correctiveAction(dev.incidents.avro.CorrectiveAction a) {
        return new CorrectiveAction(a.getId(), a.getDescription(), a.getOwner(), a.getDueAt());
    }
}
