package dev.incidents.projection.http;

import dev.incidents.projection.app.ProjectionConfig;
import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.support.http.Problem;
import dev.incidents.support.http.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * What customers may read: only public updates, never internal ones, commanders or escalations. The status page
 * at /status/ reads the Statuspage-shaped summary; feed readers take the Atom feed. Like a static file, each answer
 * has one type whatever the request's Accept header says (feed readers ask for RSS and still read Atom), so none
 * of these routes declares what it produces for content negotiation to refuse.
 */
@Path("/")
@PermitAll
public class PublicStatusResource {

    static final String ATOM_TYPE = "application/atom+xml;charset=utf-8";
    static final String PUBLIC_INCIDENTS = "/public/incidents";
    static final String PUBLIC_MAINTENANCES = "/public/maintenances";

    private final PublicBoard boards;
    private final ProjectionConfig.StatusPage page;
    private final PeerRequests peers;
    private final UptimeAnswers uptimes;

    PublicStatusResource(PublicBoard boards, ProjectionConfig config, PeerRequests peers, UptimeAnswers uptimes) {
        this.boards = boards;
        this.uptimes = uptimes;
        this.page = config.statusPage();
        this.peers = peers;
    }

    @GET
    @Path("public/incidents")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Public side of open incidents and those resolved in the last 90 days (our own shape)")
    public Response publicIncidents(@HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        if (peers.localOnly(localOnly)) {
            // one instance's part, for the peer gathering the board: no cache may keep it
            return boards.local().map(board -> Response.ok(board.incidents(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").build()).orElseGet(QueryProblems::unavailable);
        }
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE, StatusBoard::incidents);
    }

    @GET
    @Path("public/maintenances")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Public maintenance windows: upcoming, under way, ended in the last 90 days (our own shape)")
    public Response publicMaintenances(@HeaderParam(PeerRequests.LOCAL_ONLY_HEADER) boolean localOnly) {
        if (peers.localOnly(localOnly)) {
            return boards.local().map(board -> Response.ok(board.maintenances(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").build()).orElseGet(QueryProblems::unavailable);
        }
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE, StatusBoard::maintenances);
    }

    @GET
    @Path("api/v2/scheduled-maintenances/upcoming.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Maintenance planned and not started, soonest first, as Statuspage's upcoming.json")
    public Response upcomingMaintenances(@Context UriInfo uri) {
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE,
                board -> StatuspageShape.maintenances(board, false, page.name(), pageUrl(uri)));
    }

    @GET
    @Path("api/v2/scheduled-maintenances/active.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Maintenance under way, as Statuspage's active.json")
    public Response activeMaintenances(@Context UriInfo uri) {
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE,
                board -> StatuspageShape.maintenances(board, true, page.name(), pageUrl(uri)));
    }

    @GET
    @Path("api/v2/summary.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Status summary in the shape of Atlassian Statuspage's public API v2 summary.json")
    public Response summary(@Context UriInfo uri) {
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE,
                board -> StatuspageShape.summary(board, page.name(), pageUrl(uri),
                        page.updatesPerIncident()));
    }

    @GET
    @Path("api/v2/incidents.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "The 50 most recent incidents in the shape of Statuspage's public API v2 incidents.json")
    public Response incidents(@Context UriInfo uri) {
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE,
                board -> StatuspageShape.incidents(board, page.name(), pageUrl(uri),
                        page.updatesPerIncident()));
    }

    @GET
    @Path("api/v2/components/{componentId}/uptime.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "A public component's minutes per condition per day (UTC) and its uptime, over 1 to 90 days")
    public Response uptime(@PathParam("componentId") String componentId, @QueryParam("days") String days) {
        int window = UptimeDays.parse(days);
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE, board -> uptimes.of(board, window).stream()
                .filter(uptime -> uptime.component().id().equals(componentId)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "No such public component", 404,
                        "The status page lists no component " + componentId + ".", null))));
    }

    @GET
    @Path("api/v2/uptimes.json")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Operation(summary = "Every public component's uptime as uptime.json gives one's, in the page's order")
    public Response uptimes(@QueryParam("days") String days) {
        int window = UptimeDays.parse(days);
        return answer(boards.current(), MediaType.APPLICATION_JSON_TYPE, board -> uptimes.of(board, window));
    }

    @GET
    @Path("history.atom")
    @APIResponse(responseCode = "200", content = @Content(mediaType = ATOM_TYPE))
    @Operation(summary = "Atom feed of public updates and published RCAs, newest first")
    public Response feed(@Context UriInfo uri) {
        return answer(boards.current(), MediaType.valueOf(ATOM_TYPE),
                board -> AtomFeed.of(board, page.name(), pageUrl(uri), uri.getRequestUri()));
    }

    /** Caches may keep a public answer as long as this instance reuses its board. */
    private Response answer(Optional<StatusBoard> board, MediaType type, Function<StatusBoard, Object> body) {
        return board.map(found -> Response.ok(body.apply(found), type)
                        .header("Cache-Control", "public, max-age=" + page.cacheFor().toSeconds()).build())
                .orElseGet(QueryProblems::unavailable);
    }

    private URI pageUrl(UriInfo uri) {
        return page.url().orElseGet(() -> uri.getBaseUri().resolve("/status/"));
    }
}
