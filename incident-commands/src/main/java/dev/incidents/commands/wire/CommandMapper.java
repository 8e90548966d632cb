package dev.incidents.commands.wire;

import dev.incidents.avro.ChangeSeverity;
import dev.incidents.avro.DeclareIncident;
import dev.incidents.avro.LinkCustomerReport;
import dev.incidents.avro.PostUpdate;
import dev.incidents.avro.PublishRca;
import dev.incidents.avro.ReopenIncident;
import dev.incidents.avro.ResolveIncident;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.CorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Severity;
import dev.incidents.commands.domain.ThirdPartyCause;

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

    private static IncidentCommand command(Object avro) {
        if (avro instanceof DeclareIncident c) {
            return new IncidentCommand.DeclareIncident(c.getTitle(), severity(c.getSeverity()), c.getSummary(),
                    c.getComponents(), c.getCommander(), c.getDetectedAt(), c.getDedupKey(), c.getSource());
        }
        if (avro instanceof PostUpdate c) {
            return new IncidentCommand.PostUpdate(c.getStatus() == null ? null : IncidentStatus.valueOf(c.getStatus().name()),
                    c.getMessage(), c.getAudience() == null ? null : Audience.valueOf(c.getAudience().name()),
                    c.getNextUpdateAt());
        }
        if (avro instanceof ChangeSeverity c) {
            return new IncidentCommand.ChangeSeverity(severity(c.getSeverity()), c.getReason());
        }
        if (avro instanceof ResolveIncident c) {
            return new IncidentCommand.ResolveIncident(c.getMessage(), c.getRcaDueAt(), c.getRcaOwner());
        }
        if (avro instanceof ReopenIncident c) {
            return new IncidentCommand.ReopenIncident(c.getReason());
        }
        if (avro instanceof PublishRca c) {
            return new IncidentCommand.PublishRca(c.getRootCause(), c.getCorrectiveActions().stream()
                    .map(a -> new CorrectiveAction(a.getDescription(), a.getOwner(), a.getDueAt())).toList(),
                    c.getThirdParty() == null ? null
                            : new ThirdPartyCause(c.getThirdParty().getVendor(), c.getThirdParty().getDescription()));
        }
        if (avro instanceof LinkCustomerReport c) {
            return new IncidentCommand.LinkCustomerReport(c.getReceivedAt(), c.getChannel(), c.getReference());
        }
        throw new IllegalArgumentException("Unknown command payload " + (avro == null ? null : avro.getClass()));
    }

    private static Object command(IncidentCommand command) {
        if (command instanceof IncidentCommand.DeclareIncident c) {
            return new DeclareIncident(c.title(), severity(c.severity()), c.summary(), c.components(), c.commander(),
                    c.detectedAt(), c.dedupKey(), c.source());
        }
        if (command instanceof IncidentCommand.PostUpdate c) {
            return new PostUpdate(status(c.status()), c.message(), audience(c.audience()), c.nextUpdateAt());
        }
        if (command instanceof IncidentCommand.ChangeSeverity c) {
            return new ChangeSeverity(severity(c.severity()), c.reason());
        }
        if (command instanceof IncidentCommand.ResolveIncident c) {
            return new ResolveIncident(c.message(), c.rcaDueAt(), c.rcaOwner());
        }
        if (command instanceof IncidentCommand.ReopenIncident c) {
            return new ReopenIncident(c.reason());
        }
        if (command instanceof IncidentCommand.PublishRca c) {
            return new PublishRca(c.rootCause(), correctiveActions(c.correctiveActions()),
                    c.thirdParty() == null ? null
                            : new dev.incidents.avro.ThirdPartyCause(c.thirdParty().vendor(), c.thirdParty().description()));
        }
        if (command instanceof IncidentCommand.LinkCustomerReport c) {
            return new LinkCustomerReport(c.receivedAt(), c.channel(), c.reference());
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    static List<dev.incidents.avro.CorrectiveAction> correctiveActions(List<CorrectiveAction> actions) {
        return actions.stream()
                .map(a -> new dev.incidents.avro.CorrectiveAction(a.description(), a.owner(), a.dueAt()))
                .toList();
    }
}
