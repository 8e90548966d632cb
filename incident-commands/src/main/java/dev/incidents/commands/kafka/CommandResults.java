package dev.incidents.commands.kafka;

import dev.incidents.avro.CommandOutcome;
import dev.incidents.avro.CommandResult;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.avro.RejectionReason;
import dev.incidents.commands.domain.Incident;
import dev.incidents.commands.domain.Maintenance;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.commands.wire.CommandMapper;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.List;

/** Builds the records of incident-command-results, the answer every command gets. */
final class CommandResults {

    private CommandResults() {
    }

    static CommandResult accepted(IncidentCommand command, Incident state, List<String> eventIds, Instant now) {
        return withState(command, state, CommandOutcome.ACCEPTED, now).setEventIds(eventIds).build();
    }

    /** @param eventIds what a monitor's report joining {@code holder} added to it; empty for a plain repeat */
    static CommandResult deduplicated(IncidentCommand command, Incident holder, List<String> eventIds, Instant now) {
        return withState(command, holder, CommandOutcome.DEDUPLICATED, now).setEventIds(eventIds).build();
    }

    static CommandResult rejected(IncidentCommand command, Rejection rejection, Instant now) {
        return rejected(Decided.of(command), rejection, now);
    }

    static CommandResult idempotencyKeyReused(IncidentCommand command, Instant now) {
        return idempotencyKeyReused(Decided.of(command), now);
    }

    /** A maintenance command's answer: the window's id in incidentId, its version; no incident status. */
    static CommandResult accepted(MaintenanceCommand command, Maintenance state, List<String> eventIds, Instant now) {
        return base(Decided.of(command), CommandOutcome.ACCEPTED, now).setVersion(state.version())
                .setEventIds(eventIds).build();
    }

    static CommandResult rejected(MaintenanceCommand command, Rejection rejection, Instant now) {
        return rejected(Decided.of(command), rejection, now);
    }

    static CommandResult idempotencyKeyReused(MaintenanceCommand command, Instant now) {
        return idempotencyKeyReused(Decided.of(command), now);
    }

    private static CommandResult rejected(Decided command, Rejection rejection, Instant now) {
        return rejected(command, RejectionReason.valueOf(rejection.reason().name()), rejection.field(),
                rejection.detail(), now);
    }

    private static CommandResult idempotencyKeyReused(Decided command, Instant now) {
        return rejected(command, RejectionReason.IDEMPOTENCY_KEY_REUSED, null,
                "This idempotency key was already used for a different request.", now);
    }

    private static CommandResult rejected(Decided command, RejectionReason reason, String field, String detail,
                                          Instant now) {
        return base(command, CommandOutcome.REJECTED, now)
                .setRejection(new dev.incidents.avro.Rejection(reason, field, detail))
                .build();
    }

    private static CommandResult.Builder withState(IncidentCommand command, Incident state, CommandOutcome outcome,
                                                   Instant now) {
        return base(new Decided(command.getCommandId(), state.id(), command.getCommand(),
                command.getRequestFingerprint()), outcome, now)
                .setVersion(state.version())
                .setStatus(IncidentStatus.valueOf(state.status().name()))
                .setNextUpdateDueAt(state.nextUpdateDueAt())
                .setRcaDueAt(state.rcaDueAt());
    }

    private static CommandResult.Builder base(Decided command, CommandOutcome outcome, Instant now) {
        return CommandResult.newBuilder()
                .setCommandId(command.commandId())
                .setIncidentId(command.subjectId())
                .setOutcome(outcome)
                .setCommandType(CommandMapper.typeName((SpecificRecord) command.payload()))
                .setRequestFingerprint(command.requestFingerprint())
                .setDecidedAt(now);
    }

    /** What every result tells of its command, whichever topic it came from; subjectId: incident or window. */
    private record Decided(String commandId, String subjectId, Object payload, String requestFingerprint) {

        static Decided of(IncidentCommand command) {
            return new Decided(command.getCommandId(), command.getIncidentId(), command.getCommand(),
                    command.getRequestFingerprint());
        }

        static Decided of(MaintenanceCommand command) {
            return new Decided(command.getCommandId(), command.getMaintenanceId(), command.getCommand(),
                    command.getRequestFingerprint());
        }
    }
}
