package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.support.http.IncidentIds;
import dev.incidents.support.http.QueryFlag;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every maintenance window of every instance, PUBLIC and INTERNAL, for the dashboard: the current ones (planned or
 * under way) by start, then those over, newest first.
 */
@Path("/maintenances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN, Roles.PEER})
public class MaintenanceQueryResource {

    private final IncidentQueries queries;
    private final InstanceParts parts;
    private final PeerRequests peers;
    private final RemoteInstances remote;
    private final Clock clock;

    MaintenanceQueryResource(IncidentQueries queries, InstanceParts parts, PeerRequests peers,
                             RemoteInstances remote, Clock clock) {
        this.queries = queries;
        this.parts = parts;
        this.peers = peers;
        this.remote = remote;
        this.clock = clock;
    }

    @GET
    @Path("{maintenanceId}")
    @Operation(summary = "One maintenance window, answered by the instance that holds it")
    public Response window(@PathParam("maintenanceId") String maintenanceId,
                           @HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        if (!IncidentIds.isWellFormed(maintenanceId)) {
            return unknown("with this id");
        }
        Instant now = clock.instant();
        return remote.answer(queries.maintenance(maintenanceId), view -> MaintenanceResponse.of(view, now),
                peers.localOnly(localOnly), "/maintenances/" + maintenanceId, () -> unknown(maintenanceId));
    }

    private static Response unknown(String named) {
        return QueryProblems.notFound("Maintenance " + named + " is not known (yet) to the projection.");
    }

    @GET
    @Operation(summary = "Maintenance windows: current ones by start, then those over, newest first; "
            + "current=true for the current ones only")
    public Response list(@QueryParam("current") String current,
                         @HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        boolean currentOnly = QueryFlag.parse("current", current).orElse(false);
        Instant now = clock.instant();
        return parts.gather(() -> queries.localMaintenances().map(views -> views.stream()
                                .map(view -> MaintenanceResponse.of(view, now))
                                .filter(window -> !currentOnly || window.current()).toList()),
                        peers.localOnly(localOnly), "/maintenances" + (currentOnly ? "?current=true" : ""),
                        MaintenanceResponse[].class)
                .map(windows -> Response.ok(ordered(windows)).build())
                .orElseGet(QueryProblems::unavailable);
    }

    static List<MaintenanceResponse> ordered(List<MaintenanceResponse> windows) {
        return Stream.concat(
                windows.stream().filter(MaintenanceResponse::current)
                        .sorted(Comparator.comparing(MaintenanceResponse::startsAt)),
                windows.stream().filter(window -> !window.current())
                        .sorted(Comparator.comparing(MaintenanceResponse::endedAt).reversed())).toList();
    }
}
