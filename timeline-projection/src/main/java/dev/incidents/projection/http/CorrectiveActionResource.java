package dev.incidents.projection.http;

import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The RCAs' promises still to keep, across every incident of every instance: what the team owes, oldest due first,
 * so the dashboard can hold people to them the way the detections do.
 */
@Path("/corrective-actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN})
public class CorrectiveActionResource {

    /** Oldest due first; an action without a due date (from an RCA published before they were stamped) last. */
    static final Comparator<OpenAction> OLDEST_DUE_FIRST = Comparator.comparing(OpenAction::dueAt,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenAction::incidentId).thenComparing(OpenAction::actionId);

    private final AllIncidents allIncidents;

    CorrectiveActionResource(AllIncidents allIncidents) {
        this.allIncidents = allIncidents;
    }

    /** An open corrective action with the incident it belongs to. */
    public record OpenAction(String incidentId, String title, String severity, String commander, String actionId,
                             String description, String owner, Instant dueAt, boolean overdue,
                             int timesRescheduled) {
    }

    @GET
    @Operation(summary = "Every open corrective action of every incident, oldest due first")
    public Response open() {
        return allIncidents.every(IncidentQueryResource.withOpenActions("true"), "/incidents?openActions=true")
                .map(incidents -> Response.ok(openActions(incidents)).build())
                .orElseGet(QueryProblems::unavailable);
    }

    static List<OpenAction> openActions(List<IncidentResponse> incidents) {
        return incidents.stream().flatMap(incident -> incident.correctiveActions().stream()
                        .filter(action -> action.state().equals("OPEN"))
                        .map(action -> new OpenAction(incident.incidentId(), incident.title(), incident.severity(),
                                incident.commander(), action.id(), action.description(), action.owner(),
                                action.dueAt(), action.overdue(), action.timesRescheduled())))
                .sorted(OLDEST_DUE_FIRST).toList();
    }
}
