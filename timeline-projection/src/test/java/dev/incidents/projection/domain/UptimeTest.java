package dev.incidents.projection.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Uptime per day from incidents' impact periods: the worst condition wins where they overlap. */
class UptimeTest {

    static final Instant DAY_START = Instant.parse("2026-12-03T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");

    @Test
    void overlapping_incidents_count_each_minute_once_at_the_worst_condition() {
        PublicIncident partial = incident("a", List.of("checkout"),
                period(hours(1), hours(3), Severity.SEV2));
        PublicIncident major = incident("b", List.of("checkout", "search"),
                period(hours(2), hours(2).plus(Duration.ofMinutes(30)), Severity.SEV1));
        PublicIncident degraded = incident("c", List.of("checkout"),
                period(hours(2).plus(Duration.ofMinutes(50)), hours(4), Severity.SEV3));

        Uptime.ComponentUptime uptime = Uptime.of("checkout", List.of(partial, major, degraded), NOW, 2);

        assertThat(uptime.days()).extracting(Uptime.Day::date)
                .containsExactly(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-04"));
        Uptime.Day day = uptime.days().getFirst();
        assertThat(day.majorOutageSeconds()).isEqualTo(30 * 60);
        assertThat(day.partialOutageSeconds()).isEqualTo(90 * 60);
        assertThat(day.degradedPerformanceSeconds()).as("only after the partial outage ended").isEqualTo(60 * 60);
        assertThat(day.observedSeconds()).isEqualTo(86_400);
        assertThat(uptime.days().get(1).observedSeconds()).as("today up to now").isEqualTo(6 * 3600);
        assertThat(uptime.uptimePercent()).isCloseTo(100 * (1 - (1800 + 0.3 * 5400) / (86_400.0 + 21_600)),
                within(1e-9));
    }

    @Test
    void a_severity_change_splits_the_time_between_conditions_without_a_gap_or_a_second_counted_twice() {
        PublicIncident raised = incident("a", List.of("checkout"), period(hours(1), hours(2), Severity.SEV2),
                period(hours(2), hours(3), Severity.SEV1), period(hours(3), hours(5), Severity.SEV3));

        Uptime.Day day = Uptime.of("checkout", List.of(raised), NOW, 2).days().getFirst();

        assertThat(day.partialOutageSeconds()).isEqualTo(3600);
        assertThat(day.majorOutageSeconds()).isEqualTo(3600);
        assertThat(day.degradedPerformanceSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void a_lasting_incident_counts_up_to_now_across_midnight_and_other_components_are_untouched() {
        PublicIncident lasting = incident("a", List.of("checkout"),
                period(hours(23), null, Severity.SEV1));

        Uptime.ComponentUptime checkout = Uptime.of("checkout", List.of(lasting), NOW, 2);
        Uptime.ComponentUptime search = Uptime.of("search", List.of(lasting), NOW, 2);

        assertThat(checkout.days()).extracting(Uptime.Day::majorOutageSeconds).containsExactly(3600L, 6 * 3600L);
        assertThat(search.days()).allSatisfy(day -> assertThat(day.majorOutageSeconds() + day.partialOutageSeconds()
                + day.degradedPerformanceSeconds()).isZero());
        assertThat(search.uptimePercent()).isEqualTo(100.0);
    }

    private static Instant hours(int hours) {
        return DAY_START.plus(Duration.ofHours(hours));
    }

    private static Instant hours(Duration plus) {
        return DAY_START.plus(plus);
    }

    private static ImpactPeriod period(Instant from, Instant to, Severity severity) {
        return new ImpactPeriod(from, to, severity);
    }

    private static PublicIncident incident(String id, List<String> components, ImpactPeriod... periods) {
        return new PublicIncident(id, "t", periods[periods.length - 1].severity(), Status.INVESTIGATING, components,
                periods[0].from(), periods[0].from(), null, null, null, null, null, List.of(), List.of(),
                List.of(periods));
    }
}
