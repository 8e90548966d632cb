package dev.incidents.commands.http;

import dev.incidents.avro.CommandResult;
import dev.incidents.commands.app.PendingCommands;
import dev.incidents.support.http.Problem;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** Where a client polls a command that was not decided within the request's wait (the 202's Location). */
@Path("/commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    private final PendingCommands pending;

    CommandResource(PendingCommands pending) {
        this.pending = pending;
    }

    @GET
    @Path("{commandId}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response result(@PathParam("commandId") String commandId) {
        var decided = pending.find(commandId);
        if (decided.isEmpty()) {
            if (pending.isWaiting(commandId)) {
                return Response.ok(CommandResponse.pending(commandId, null)).build();
            }
            throw new NotFoundException("No command " + commandId + " is known here (results are kept for a day).");
        }
        CommandResult result = decided.get();
        if (result.getRejection() != null) {
            return Response.ok(new RejectedCommand(commandId, result.getIncidentId(), "REJECTED",
                    Problems.of(new CommandRejectedException(result.getRejection())))).build();
        }
        return Response.ok(MaintenanceResponse.answers(result) ? MaintenanceResponse.of(result)
                : CommandResponse.of(result)).build();
    }

    /** A rejected command's poll answer: 200 for the poll itself, with the problem it met inside. */
    public record RejectedCommand(String commandId, String incidentId, String outcome, Problem problem) {
    }
}
