package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.app.ProjectionConfig;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.StatusBoard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What customers may read: only public updates, never internal ones, commanders or escalations. The status page
 * at /status/ reads the Statuspage-shaped summary; feed readers take the Atom feed.
 */
@Path("/")
public class PublicStatusResource {

    static final String ATOM_TYPE = "application/atom+xml;charset=utf-8";

    private final IncidentQueries queries;
    private final InstanceParts parts;
    private final ProjectionConfig.StatusPage page;
    private final Clock clock;

    PublicStatusResource(IncidentQueries queries, InstanceParts parts, ProjectionConfig config, Clock clock) {
        this.queries = queries;
        this.parts = parts;
        this.page = config.statusPage();
        this.clock = clock;
    }

    @GET
    @Path("public/incidents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public side of open incidents and those resolved in the last 90 days (our own shape)")
    public Response publicIncidents(@HeaderParam(RemoteInstances.LOCAL_ONLY_HEADER) boolean localOnly) {
        return withBoard(localOnly, board -> Stream.concat(board.open().stream(), board.history().stream()).toList());
    }

    @GET
    @Path("api/v2/summary.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status summary in the shape of Atlassian Statuspage's public API v2 summary.json")
    public Response summary(@Context UriInfo uri) {
        return withBoard(false, board -> StatuspageShape.summary(board, page.name(), pageUrl(uri)));
    }

    @GET
    @Path("api/v2/incidents.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The 50 most recent incidents in the shape of Statuspage's public API v2 incidents.json")
    public Response incidents(@Context UriInfo uri) {
        return withBoard(false, board -> StatuspageShape.incidents(board, page.name(), pageUrl(uri)));
    }

    @GET
    @Path("history.atom")
    @Produces(ATOM_TYPE)
    @Operation(summary = "Atom feed of public updates and published RCAs, newest first")
    public Response feed(@Context UriInfo uri) {
        return board(false).map(board -> Response.ok(AtomFeed.of(board, page.name(), pageUrl(uri),
                        uri.getRequestUri()), ATOM_TYPE).build())
                .orElseGet(Problem::unavailable);
    }

    private Response withBoard(boolean localOnly, Function<StatusBoard, Object> body) {
        return board(localOnly).map(board -> Response.ok(body.apply(board)).build()).orElseGet(Problem::unavailable);
    }

    private Optional<StatusBoard> board(boolean localOnly) {
        Instant now = clock.instant();
        return parts.gather(() -> queries.localPublicIncidents(now.minus(StatusBoard.HISTORY)), localOnly,
                        "/public/incidents", PublicIncident[].class)
                .map(incidents -> StatusBoard.of(page.components().orElse(List.of()), incidents, now));
    }

    private URI pageUrl(UriInfo uri) {
        return page.url().orElseGet(() -> uri.getBaseUri().resolve("/status/"));
    }
}
