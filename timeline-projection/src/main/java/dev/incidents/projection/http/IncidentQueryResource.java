package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.app.QueryResult;
import dev.incidents.projection.domain.CorrectiveActionView;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Severity;
import dev.incidents.support.http.IncidentIds;
import dev.incidents.support.http.InvalidField;
import dev.incidents.support.http.QueryFlag;
import dev.incidents.support.http.Paging;
import dev.incidents.support.http.Problem;
import dev.incidents.support.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read side for dashboards. Any instance answers for any incident: a key is forwarded to the instance owning it,
 * a list gathers every instance's part. While stores rebalance the answer is 503 with Retry-After. People who may
 * read incidents and the other instances (peers) may call it.
 */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN, Roles.PEER})
public class IncidentQueryResource {

    private final IncidentQueries queries;
    private final RemoteInstances remote;
    private final LiveFeed liveFeed;
    private final AllIncidents allIncidents;
    private final PeerRequests peers;

    IncidentQueryResource(IncidentQueries queries, RemoteInstances remote, LiveFeed liveFeed,
                          AllIncidents allIncidents, PeerRequests peers) {
        this.queries = queries;
        this.remote = remote;
        this.liveFeed = liveFeed;
        this.allIncidents = allIncidents;
        this.peers = peers;
    }

    @GET
    @Operation(summary = "Incidents, newest first, a page at a time (limit: default 100, at most 500; after: the "
            + "cursor of the Link header); filters: status=open|resolved, severity, overdue=true, component, "
            + "openActions=true (a corrective action still open), declaredFrom and declaredTo (ISO-8601 with "
            + "offset; from inclusive, to exclusive)")
    public Response list(@QueryParam("status") String status, @QueryParam("severity") String severity,
                         @QueryParam("overdue") String overdue, @QueryParam("component") String component,
                         @QueryParam("openActions") String openActions,
                         @QueryParam("declaredFrom") String declaredFrom, @QueryParam("declaredTo") String declaredTo,
                         @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                         @HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly, @Context UriInfo uri) {
        Predicate<IncidentView> filter = filter(status, severity, overdue, component)
                .and(withOpenActions(openActions)).and(declared(declaredFrom, declaredTo));
        Paging.Request page = Paging.Request.of(limit, after, AllIncidents.DEFAULT_LIMIT, AllIncidents.MAX_LIMIT);
        return allIncidents.page(filter, page, peers.localOnly(localOnly),
                        uri.getRequestUri().getRawPath() + query(uri))
                .map(incidents -> incidents.response(uri))
                .orElseGet(QueryProblems::unavailable);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live: 'ready' once subscribed, then state changes ('state') and detections ('detection')")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> changes = liveFeed.open().map(change -> sse.newEventBuilder().name(change.name())
                .id(change.id()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(change.data()).build());
        // Merging subscribes to the changes first, so 'ready' means nothing published from now on is missed.
        return Multi.createBy().merging().streams(changes,
                Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build()));
    }

    @GET
    @Path("{incidentId}")
    public Response incident(@PathParam("incidentId") String incidentId,
                             @HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        if (!IncidentIds.isWellFormed(incidentId)) {
            return unknown(incidentId);
        }
        return answer(queries.incident(incidentId), IncidentResponse::of, peers.localOnly(localOnly), "/incidents/" + incidentId,
                incidentId);
    }

    @GET
    @Path("{incidentId}/timeline")
    public Response timeline(@PathParam("incidentId") String incidentId,
                             @HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        if (!IncidentIds.isWellFormed(incidentId)) {
            return unknown(incidentId);
        }
        return answer(queries.timeline(incidentId), entries -> entries, peers.localOnly(localOnly),
                "/incidents/" + incidentId + "/timeline", incidentId);
    }

    private <T> Response answer(QueryResult<T> result, java.util.function.Function<T, Object> body,
                                boolean localOnly, String path, String incidentId) {
        return remote.answer(result, body, localOnly, path, () -> unknown(incidentId));
    }

    @ServerExceptionMapper
    Response full(LiveFeed.Full e) {
        return Problem.of("too-many-streams", "Too many live streams", 503, e.getMessage(), null)
                .responseRetryAfter(10);
    }

    private static Response unknown(String incidentId) {
        String named = IncidentIds.isWellFormed(incidentId) ? incidentId : "with this id";
        return QueryProblems.notFound("Incident " + named + " is not known (yet) to the projection.");
    }

    private static Predicate<IncidentView> filter(String status, String severity, String overdue, String component) {
        Predicate<IncidentView> filter = view -> true;
        if (status != null) {
            if (!status.equals("open") && !status.equals("resolved")) {
                throw new InvalidField("status", "status must be open or resolved");
            }
            boolean open = status.equals("open");
            filter = filter.and(view -> view.open() == open);
        }
        if (severity != null) {
            Severity wanted;
            try {
                wanted = Severity.valueOf(severity);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("severity", "severity must be one of SEV1, SEV2, SEV3, SEV4");
            }
            filter = filter.and(view -> view.severity() == wanted);
        }
        Optional<Boolean> overdueWanted = QueryFlag.parse("overdue", overdue);
        if (overdueWanted.isPresent()) {
            filter = filter.and(view -> view.overdue() == overdueWanted.get());
        }
        if (component != null) {
            filter = filter.and(view -> view.components().contains(component));
        }
        return filter;
    }

    static Predicate<IncidentView> withOpenActions(String openActions) {
        return QueryFlag.parse("openActions", openActions).<Predicate<IncidentView>>map(wanted -> view -> view
                .correctiveActions().stream().anyMatch(CorrectiveActionView::isOpen) == wanted).orElse(view -> true);
    }

    /** Declared in [from, to); either end may be left open. */
    static Predicate<IncidentView> declared(String from, String to) {
        return declared(QueryTimes.parameter("declaredFrom", from), QueryTimes.parameter("declaredTo", to));
    }

    /** Declared in [start, end); a null end is left open. */
    static Predicate<IncidentView> declared(Instant start, Instant end) {
        return view -> (start == null || !view.declaredAt().isBefore(start))
                && (end == null || view.declaredAt().isBefore(end));
    }

    private static String query(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        return raw == null ? "" : "?" + raw;
    }
}
