package dev.incidents.projection.http;

import dev.incidents.projection.domain.CommunicationReport;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Communication performance over a period, from every instance's incidents. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN})
public class ReportResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final AllIncidents incidents;
    private final Clock clock;

    ReportResource(AllIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The report: its period and the figures per severity of the incidents declared in it. */
    public record Report(Instant from, Instant to, List<CommunicationReport.SeverityFigures> bySeverity) {
    }

    @GET
    @Path("communication")
    @Operation(summary = "Per severity: time to declare and to first public update (median, p90, seconds), "
            + "promises kept, p90 lateness, customers first, RCAs on time; default the last 30 days")
    public Response communication(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end;
        Instant start;
        try {
            end = to == null ? clock.instant() : OffsetDateTime.parse(to).toInstant();
            start = from == null ? end.minus(DEFAULT_PERIOD) : OffsetDateTime.parse(from).toInstant();
        } catch (DateTimeParseException e) {
            return QueryProblems.invalid(from != null && !parses(from) ? "from" : "to",
                    "from and to are ISO-8601 timestamps with an offset, such as 2026-11-01T00:00:00Z.");
        }
        if (!start.isBefore(end)) {
            return QueryProblems.invalid("from", "from must be before to.");
        }
        return incidents.gather(view -> true, false, "/incidents")
                .map(all -> Response.ok(new Report(start, end, CommunicationReport.of(
                        all.stream().map(IncidentResponse::figures).toList(), start, end))).build())
                .orElseGet(QueryProblems::unavailable);
    }

    private static boolean parses(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
