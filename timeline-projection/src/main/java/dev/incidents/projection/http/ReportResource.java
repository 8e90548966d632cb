package dev.incidents.projection.http;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Communication performance over a period, from every instance's incidents declared in it (only those are read),
 * and, if asked, for each bucket of it in the same answer.
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN})
public class ReportResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final int MAX_BUCKETS = 100;

    private final AllIncidents incidents;
    private final Clock clock;

    ReportResource(AllIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The report: its period, the figures per severity of the incidents declared in it, and its buckets if asked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(Instant from, Instant to, List<CommunicationReport.SeverityFigures> bySeverity,
                         List<Report> buckets) {
    }

    @GET
    @Path("communication")
    @Operation(summary = "Per severity: time to declare and to first public update (median, p90, seconds), "
            + "promises kept, p90 lateness, customers first, RCAs on time; default the last 30 days; bucket "
            + "(an ISO-8601 duration of whole days, e.g. P7D) adds the same figures for each such part of the period")
    public Response communication(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("bucket") String bucket) {
        Instant end = Optional.ofNullable(QueryTimes.parameter("to", to)).orElseGet(clock::instant);
        Instant start = Optional.ofNullable(QueryTimes.parameter("from", from))
                .orElseGet(() -> end.minus(DEFAULT_PERIOD));
        if (!start.isBefore(end)) {
            return QueryProblems.invalid("from", "from must be before to.");
        }
        Optional<Duration> step;
        try {
            step = step(bucket, start, end);
        } catch (IllegalArgumentException e) {
            return QueryProblems.invalid("bucket", e.getMessage());
        }
        return incidents.every(IncidentQueryResource.declared(start, end), "/incidents?declaredFrom="
                        + start + "&declaredTo=" + end)
                .map(all -> all.stream().map(IncidentResponse::figures).toList())
                .map(figures -> Response.ok(new Report(start, end, CommunicationReport.of(figures, start, end),
                        step.map(s -> buckets(figures, start, end, s)).orElse(null))).build())
                .orElseGet(QueryProblems::unavailable);
    }

    private static List<Report> buckets(List<CommunicationReport.IncidentFigures> figures, Instant start,
                                        Instant end, Duration step) {
        List<Report> buckets = new ArrayList<>();
        for (Instant at = start; at.isBefore(end); at = at.plus(step)) {
            Instant bucketEnd = at.plus(step).isBefore(end) ? at.plus(step) : end;
            buckets.add(new Report(at, bucketEnd, CommunicationReport.of(figures, at, bucketEnd), null));
        }
        return buckets;
    }

    /** Whole days, at most {@value #MAX_BUCKETS} buckets in the period. */
    private static Optional<Duration> step(String bucket, Instant start, Instant end) {
        if (bucket == null) {
            return Optional.empty();
        }
        Period period;
        try {
            period = Period.parse(bucket);
        } catch (DateTimeParseException e) {
            period = Period.ZERO;
        }
        if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() <= 0) {
            throw new IllegalArgumentException("bucket is a number of whole days as an ISO-8601 duration, such as "
                    + "P7D or P1W.");
        }
        Duration step = Duration.ofDays(period.getDays());
        if (Duration.between(start, end).dividedBy(step) >= MAX_BUCKETS) {
            throw new IllegalArgumentException("bucket splits the period into more than " + MAX_BUCKETS
                    + " parts.");
        }
        return Optional.of(step);
    }

}
