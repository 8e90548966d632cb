package dev.incidents.commands.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidents.avro.CommandResult;

import java.time.Instant;

/** What a decided command answers: the incident after it, and whether a declare joined an open incident. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(String commandId, String incidentId, String outcome, Long version, String status,
                              Instant nextUpdateDueAt, Instant rcaDueAt, Boolean deduplicated) {

    static CommandResponse of(CommandResult result) {
        return new CommandResponse(result.getCommandId(), result.getIncidentId(), result.getOutcome().name(),
                result.getVersion(), result.getStatus() == null ? null : result.getStatus().name(),
                result.getNextUpdateDueAt(), result.getRcaDueAt(),
                result.getOutcome() == dev.incidents.avro.CommandOutcome.DEDUPLICATED ? Boolean.TRUE
                        : "DeclareIncident".equals(result.getCommandType()) ? Boolean.FALSE : null);
    }

    /** A monitor's report that declared nothing: no open incident holds its group and none of its alerts fires. */
    static CommandResponse ignored(CommandResult result) {
        return new CommandResponse(result.getCommandId(), null, "NOTHING_FIRING", null, null, null, null, null);
    }

    static CommandResponse pending(String commandId, String incidentId) {
        return new CommandResponse(commandId, incidentId, "PENDING", null, null, null, null, null);
    }
}
