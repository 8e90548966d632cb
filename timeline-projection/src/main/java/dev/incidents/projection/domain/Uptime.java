package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A component's time in each condition per day (UTC), reckoned from the impact periods of the incidents naming it:
 * where incidents overlap, the worst condition counts (a minute of major outage is not also one of partial outage).
 * Uptime weighs as Statuspage's does: a major outage counts whole, a partial outage 30 %, degraded performance not.
 */
public final class Uptime {

    /** The share of a partial outage counted as downtime. */
    static final double PARTIAL_WEIGHT = 0.3;

    /** One day's seconds in each condition (the worst one where incidents overlap). */
    public record Day(LocalDate date, long majorOutageSeconds, long partialOutageSeconds,
                      long degradedPerformanceSeconds, long observedSeconds) {
    }

    /** @param days oldest first, the last one today up to now */
    public record ComponentUptime(String componentId, List<Day> days) {

        /** 100 less the weighted outage share of the time observed, in percent. */
        public double uptimePercent() {
            long observed = days.stream().mapToLong(Day::observedSeconds).sum();
            double down = days.stream().mapToDouble(d -> d.majorOutageSeconds()
                    + PARTIAL_WEIGHT * d.partialOutageSeconds()).sum();
            return observed == 0 ? 100.0 : 100.0 * (1 - down / observed);
        }
    }

    private record Span(Instant from, Instant to, StatusBoard.Condition condition) {
    }

    private Uptime() {
    }

    /** The last {@code days} days (UTC) up to {@code now}, today included. */
    public static ComponentUptime of(String componentId, List<PublicIncident> incidents, Instant now, int days) {
        List<Span> spans = incidents.stream().filter(incident -> incident.components().contains(componentId))
                .flatMap(incident -> incident.impact().stream())
                .map(period -> new Span(period.from(), period.to() == null ? now : period.to(),
                        StatusBoard.condition(period.severity())))
                .toList();
        List<Span> major = merged(spans, c -> c == StatusBoard.Condition.MAJOR_OUTAGE);
        List<Span> partialOrWorse = merged(spans, c -> c.compareTo(StatusBoard.Condition.PARTIAL_OUTAGE) >= 0);
        List<Span> any = merged(spans, c -> true);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Day> result = new ArrayList<>();
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = date.equals(today) ? now : start.plus(Duration.ofDays(1));
            long inMajor = overlap(major, start, end);
            long inPartialOrWorse = overlap(partialOrWorse, start, end);
            result.add(new Day(date, inMajor, inPartialOrWorse - inMajor, overlap(any, start, end) - inPartialOrWorse,
                    Math.max(0, Duration.between(start, end).toSeconds())));
        }
        return new ComponentUptime(componentId, List.copyOf(result));
    }

    /** The spans of a condition that {@code counts}, joined where they touch or overlap: sorted and disjoint. */
    private static List<Span> merged(List<Span> spans, Predicate<StatusBoard.Condition> counts) {
        List<Span> sorted = spans.stream().filter(span -> counts.test(span.condition()))
                .filter(span -> span.from().isBefore(span.to()))
                .sorted(Comparator.comparing(Span::from)).toList();
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !span.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new Span(last.from(), later(last.to(), span.to()), last.condition()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The seconds of [start, end) inside the disjoint {@code spans}. */
    private static long overlap(List<Span> spans, Instant start, Instant end) {
        long seconds = 0;
        for (Span span : spans) {
            Instant from = later(span.from(), start);
            Instant to = earlier(span.to(), end);
            if (from.isBefore(to)) {
                seconds += Duration.between(from, to).toSeconds();
            }
        }
        return seconds;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
