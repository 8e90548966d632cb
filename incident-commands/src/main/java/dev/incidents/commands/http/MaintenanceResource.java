package dev.incidents.commands.http;

import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static dev.incidents.commands.http.Requests.required;
import static dev.incidents.commands.http.Requests.wellFormedId;
import static jakarta.ws.rs.core.Response.Status.CREATED;
import static jakarta.ws.rs.core.Response.Status.OK;

/**
 * The command side of scheduled maintenance over HTTP; reads are served by timeline-projection. A commander plans
 * windows; starting and completing them may also be left to a machine (a deploy pipeline, as incident-emitter).
 */
@Path("/maintenances")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    private final CommandSubmitter submitter;
    private final SignedInCaller callers;

    MaintenanceResource(CommandSubmitter submitter, SignedInCaller callers) {
        this.submitter = submitter;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Schedule a maintenance window on catalog components (audience PUBLIC unless INTERNAL)")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response schedule(Requests.ScheduleMaintenance body, @BeanParam CommandHeaders headers) {
        RequestMeta meta = headers.meta(callers.current());
        return submitter.submitMaintenance(meta.newMaintenanceId(), MaintenanceRequests.schedule(required(body)),
                body, meta, CREATED);
    }

    @POST
    @Path("{maintenanceId}/updates")
    @Operation(summary = "Say something about a window, change its plan, or both (a started window keeps its start)")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response update(@PathParam("maintenanceId") String maintenanceId, Requests.UpdateMaintenance body,
                           @BeanParam CommandHeaders headers) {
        return submitter.submitMaintenance(window(maintenanceId), MaintenanceRequests.update(required(body)), body,
                headers.meta(callers.current()), CREATED);
    }

    @POST
    @Path("{maintenanceId}/start")
    @Operation(summary = "Start a scheduled window: its components are under maintenance until it completes")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response start(@PathParam("maintenanceId") String maintenanceId, Requests.MaintenanceStep body,
                          @BeanParam CommandHeaders headers) {
        return submitter.submitMaintenance(window(maintenanceId), MaintenanceRequests.start(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{maintenanceId}/complete")
    @Operation(summary = "Complete a window in progress")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response complete(@PathParam("maintenanceId") String maintenanceId, Requests.MaintenanceStep body,
                             @BeanParam CommandHeaders headers) {
        return submitter.submitMaintenance(window(maintenanceId), MaintenanceRequests.complete(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{maintenanceId}/cancel")
    @Operation(summary = "Call off a window that has not started, with the reason")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response cancel(@PathParam("maintenanceId") String maintenanceId, Requests.CancelMaintenance body,
                           @BeanParam CommandHeaders headers) {
        return submitter.submitMaintenance(window(maintenanceId), MaintenanceRequests.cancel(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    private static String window(String maintenanceId) {
        return wellFormedId(maintenanceId, "maintenance");
    }
}
