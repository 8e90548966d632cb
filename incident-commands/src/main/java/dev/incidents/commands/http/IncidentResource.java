package dev.incidents.commands.http;

import dev.incidents.commands.domain.Audience;
import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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

/** The command side of an incident over HTTP; reads are served by timeline-projection. */
@Path("/incidents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final CommandSubmitter submitter;
    private final SignedInCaller callers;

    IncidentResource(CommandSubmitter submitter, SignedInCaller callers) {
        this.submitter = submitter;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Declare an incident; a dedupKey matching an open incident joins it (200, deduplicated)")
    @RolesAllowed({Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response declare(Requests.DeclareIncident body, @BeanParam CommandHeaders headers) {
        RequestMeta meta = headers.meta(callers.current());
        return submitter.submit(meta.newIncidentId(), ToDomain.declare(required(body)), body, meta, CREATED);
    }

    @POST
    @Path("{incidentId}/updates")
    @Operation(summary = "Post an update; a PUBLIC one states when the next comes, within the severity's cadence")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response postUpdate(@PathParam("incidentId") String incidentId,
            Requests.PostUpdate body, @BeanParam CommandHeaders headers) {
        if (body != null && body.audience() != Audience.INTERNAL
                && !callers.hasAnyRole(Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN)) {
            throw new ForbiddenException("A machine (incident-emitter) posts INTERNAL updates only; a person "
                    + "(incident-responder or above) writes what customers read.");
        }
        return submitter.submit(incident(incidentId), ToDomain.postUpdate(required(body)), body,
                headers.meta(callers.current()), CREATED);
    }

    @POST
    @Path("{incidentId}/severity")
    @Operation(summary = "Change severity; raising it tightens the next-update deadline")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response changeSeverity(@PathParam("incidentId") String incidentId,
            Requests.ChangeSeverity body, @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.changeSeverity(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{incidentId}/resolve")
    @Operation(summary = "Resolve, committing to an RCA due date within the severity's RCA window")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response resolve(@PathParam("incidentId") String incidentId,
            Requests.ResolveIncident body, @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.resolve(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{incidentId}/reopen")
    @Operation(summary = "Reopen a resolved incident: back to INVESTIGATING with a fresh deadline")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response reopen(@PathParam("incidentId") String incidentId,
            Requests.ReopenIncident body, @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.reopen(required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{incidentId}/rca")
    @Operation(summary = "Publish the RCA (after resolve); corrective actions of our own are mandatory")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response publishRca(@PathParam("incidentId") String incidentId,
            Requests.PublishRca body, @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.publishRca(required(body)), body,
                headers.meta(callers.current()), CREATED);
    }

    @POST
    @Path("{incidentId}/customer-reports")
    @Operation(summary = "Record that a customer told us about the incident")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    public Response linkCustomerReport(@PathParam("incidentId") String incidentId,
            Requests.LinkCustomerReport body, @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.linkCustomerReport(required(body)), body,
                headers.meta(callers.current()), CREATED);
    }

    @POST
    @Path("{incidentId}/corrective-actions/{actionId}/complete")
    @Operation(summary = "Complete a corrective action of the RCA, with a note or a link to what was done")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN})
    public Response completeCorrectiveAction(@PathParam("incidentId") String incidentId,
            @PathParam("actionId") String actionId, Requests.CompleteCorrectiveAction body,
            @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.complete(actionId, required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{incidentId}/corrective-actions/{actionId}/decline")
    @Operation(summary = "Decline a corrective action of the RCA, with the reason (a commander's call)")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    public Response declineCorrectiveAction(@PathParam("incidentId") String incidentId,
            @PathParam("actionId") String actionId, Requests.DeclineCorrectiveAction body,
            @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.decline(actionId, required(body)), body,
                headers.meta(callers.current()), OK);
    }

    @POST
    @Path("{incidentId}/corrective-actions/{actionId}/reschedule")
    @Operation(summary = "Move a corrective action's due date, with the reason; the change is recorded")
    @RolesAllowed({Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN})
    public Response rescheduleCorrectiveAction(@PathParam("incidentId") String incidentId,
            @PathParam("actionId") String actionId, Requests.RescheduleCorrectiveAction body,
            @BeanParam CommandHeaders headers) {
        return submitter.submit(incident(incidentId), ToDomain.reschedule(actionId, required(body)), body,
                headers.meta(callers.current()), OK);
    }

    private static String incident(String incidentId) {
        return wellFormedId(incidentId, "incident");
    }
}
