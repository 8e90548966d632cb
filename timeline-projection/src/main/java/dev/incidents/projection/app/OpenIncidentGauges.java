package dev.incidents.projection.app;

import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code incidents_open{severity}} and {@code incident_promises_overdue} (open incidents whose promised next update
 * is past), over the incidents this instance holds: the sum over instances is the whole. Counted from the store at
 * scrape time, at most once per {@code FRESH_FOR}, so the figures survive restarts and rebalances as the store does.
 */
@Startup
@ApplicationScoped
public class OpenIncidentGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** What one pass over the store counted. */
    private record Counts(Instant at, Map<Severity, Integer> open, int overdue) {
    }

    private final IncidentQueries queries;
    private final Clock clock;
    private Counts latest;

    OpenIncidentGauges(MeterRegistry registry, IncidentQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        for (Severity severity : Severity.values()) {
            Gauge.builder("incidents.open", () -> counts().open().getOrDefault(severity, 0))
                    .description("Open incidents held by this instance").tag("severity", severity.name())
                    .register(registry);
        }
        Gauge.builder("incident.promises.overdue", () -> counts().overdue())
                .description("Open incidents held here whose promised next update is past").register(registry);
    }

    private synchronized Counts counts() {
        Instant now = clock.instant();
        if (latest == null || Duration.between(latest.at(), now).compareTo(FRESH_FOR) >= 0) {
            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
            int[] overdue = {0};
            boolean counted = queries.eachLocalIncident(view -> {
                if (view.open()) {
                    open.merge(view.severity(), 1, Integer::sum);
                    overdue[0] += promisePassed(view, now) ? 1 : 0;
                }
            });
            if (counted || latest == null) {
                latest = new Counts(now, open, overdue[0]);
            }
        }
        return latest;
    }

    private static boolean promisePassed(IncidentView view, Instant now) {
        return view.nextUpdateDueAt() != null && view.nextUpdateDueAt().isBefore(now);
    }
}
