package dev.incidents.commands.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidents.avro.CommandResult;
import dev.incidents.commands.wire.MaintenanceMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** What a decided maintenance command answers: the window it is about and its version after it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaintenanceResponse(String commandId, String maintenanceId, String outcome, Long version) {

    static MaintenanceResponse of(CommandResult result) {
        return new MaintenanceResponse(result.getCommandId(), result.getIncidentId(), result.getOutcome().name(),
                result.getVersion());
    }

    /** Whether {@code result} answers a maintenance command (its incidentId then holds the window's id). */
    static boolean answers(CommandResult result) {
        return MaintenanceMapper.isMaintenanceType(result.getCommandType());
    }

    static Response answer(CommandResult result, Response.Status created) {
        if (result.getRejection() != null) {
            throw new CommandRejectedException(result.getRejection());
        }
        return Response.status(created).entity(of(result))
                .location(URI.create("/maintenances/" + result.getIncidentId()))
                .tag(new EntityTag(String.valueOf(result.getVersion())))
                .build();
    }

    /** 202 with where to ask for the decision later. */
    static Response pending(String commandId, String maintenanceId) {
        return Response.accepted(new MaintenanceResponse(commandId, maintenanceId, "PENDING", null))
                .location(URI.create("/commands/" + commandId)).build();
    }
}
