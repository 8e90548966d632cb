package dev.incidents.commands.wire;

import dev.incidents.avro.CancelMaintenance;
import dev.incidents.avro.CompleteMaintenance;
import dev.incidents.avro.MaintenanceCancelled;
import dev.incidents.avro.MaintenanceCompleted;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.MaintenanceUpdated;
import dev.incidents.avro.ScheduleMaintenance;
import dev.incidents.avro.StartMaintenance;
import dev.incidents.avro.UpdateMaintenance;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.MaintenanceCommand;
import dev.incidents.commands.domain.MaintenanceEvent;
import dev.incidents.commands.domain.MaintenancePlan;
import org.apache.avro.specific.SpecificRecord;

import static dev.incidents.commands.wire.CommandMapper.actor;
import static dev.incidents.commands.wire.CommandMapper.audience;

/** Translates maintenance commands between the Avro contract and the domain, and writes maintenance events. */
public final class MaintenanceMapper {

    private MaintenanceMapper() {
    }

    public static MaintenanceEnvelope toDomain(dev.incidents.avro.MaintenanceCommand avro) {
        return new MaintenanceEnvelope(avro.getCommandId(), avro.getMaintenanceId(), actor(avro.getActor()),
                avro.getExpectedVersion(), avro.getRequestFingerprint(), command(avro.getCommand()));
    }

    public static dev.incidents.avro.MaintenanceCommand toAvro(MaintenanceEnvelope envelope) {
        return dev.incidents.avro.MaintenanceCommand.newBuilder()
                .setCommandId(envelope.commandId())
                .setMaintenanceId(envelope.maintenanceId())
                .setActor(actor(envelope.actor()))
                .setExpectedVersion(envelope.expectedVersion())
                .setRequestFingerprint(envelope.requestFingerprint())
                .setCommand(command(envelope.command()))
                .build();
    }

    public static dev.incidents.avro.MaintenanceEvent toAvro(RecordedMaintenanceEvent event) {
        return dev.incidents.avro.MaintenanceEvent.newBuilder()
                .setEventId(event.eventId())
                .setMaintenanceId(event.maintenanceId())
                .setSequence(event.sequence())
                .setOccurredAt(event.occurredAt())
                .setActor(actor(event.actor()))
                .setCausingCommandId(event.causingCommandId())
                .setPayload(payload(event.payload()))
                .build();
    }

    /** The command's type as the contract names it, for results and request fingerprints. */
    public static String typeName(MaintenanceCommand command) {
        return CommandMapper.typeName((SpecificRecord) command(command));
    }

    /** Whether {@code typeName} (a result's commandType) names a maintenance command. */
    public static boolean isMaintenanceType(String typeName) {
        return dev.incidents.avro.MaintenanceCommand.getClassSchema().getField("command").schema().getTypes().stream()
                .anyMatch(type -> type.getName().equals(typeName));
    }

    private static MaintenanceCommand command(Object avro) {
        return switch (avro) {
            case ScheduleMaintenance c -> new MaintenanceCommand.ScheduleMaintenance(new MaintenancePlan(
                    c.getTitle(), c.getDescription(), c.getComponents(), c.getStartsAt(), c.getEndsAt()),
                    Audience.valueOf(c.getAudience().name()));
            case UpdateMaintenance c -> new MaintenanceCommand.UpdateMaintenance(c.getMessage(), c.getTitle(),
                    c.getDescription(), c.getComponents(), c.getStartsAt(), c.getEndsAt());
            case StartMaintenance c -> new MaintenanceCommand.StartMaintenance(c.getMessage());
            case CompleteMaintenance c -> new MaintenanceCommand.CompleteMaintenance(c.getMessage());
            case CancelMaintenance c -> new MaintenanceCommand.CancelMaintenance(c.getReason());
            default -> throw new IllegalArgumentException("Unknown maintenance command " + avro.getClass());
        };
    }

    private static Object command(MaintenanceCommand command) {
        return switch (command) {
            case MaintenanceCommand.ScheduleMaintenance c -> new ScheduleMaintenance(c.plan().title(),
                    c.plan().description(), c.plan().components(), c.plan().startsAt(), c.plan().endsAt(),
                    audience(c.audience()));
            case MaintenanceCommand.UpdateMaintenance c -> new UpdateMaintenance(c.message(), c.title(),
                    c.description(), c.components(), c.startsAt(), c.endsAt());
            case MaintenanceCommand.StartMaintenance c -> new StartMaintenance(c.message());
            case MaintenanceCommand.CompleteMaintenance c -> new CompleteMaintenance(c.message());
            case MaintenanceCommand.CancelMaintenance c -> new CancelMaintenance(c.reason());
        };
    }

    private static Object payload(MaintenanceEvent event) {
        return switch (event) {
            case MaintenanceEvent.MaintenanceScheduled e -> new MaintenanceScheduled(e.plan().title(),
                    e.plan().description(), e.plan().components(), e.plan().startsAt(), e.plan().endsAt(),
                    audience(e.audience()));
            case MaintenanceEvent.MaintenanceUpdated e -> new MaintenanceUpdated(e.message(), e.plan().title(),
                    e.plan().description(), e.plan().components(), e.plan().startsAt(), e.plan().endsAt());
            case MaintenanceEvent.MaintenanceStarted e -> new MaintenanceStarted(e.message());
            case MaintenanceEvent.MaintenanceCompleted e -> new MaintenanceCompleted(e.message());
            case MaintenanceEvent.MaintenanceCancelled e -> new MaintenanceCancelled(e.reason());
        };
    }
}
