package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How well we communicated over a period, per severity: how fast we declared and first spoke publicly, how many
 * promises we kept and how late the late updates were, how often customers told us first, RCAs on time, and whether
 * the corrective actions they promised were done on time.
 */
public final class CommunicationReport {

    private CommunicationReport() {
    }

    /** One incident's figures, as the read model holds them. */
    public record IncidentFigures(Severity severity, Instant declaredAt, Instant detectedAt,
                                  Instant firstPublicUpdateAt, int promisesKept, int promisesMissed,
                                  List<Long> lateUpdateSeconds, boolean customerReportedFirst, Instant rcaDueAt,
                                  Instant rcaPublishedAt, List<ActionFigures> correctiveActions) {
        public IncidentFigures {
            correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
        }
    }

    /** One corrective action: how it stands, its due date, and for a completed one whether it was on time. */
    public record ActionFigures(CorrectiveActionView.State state, Instant dueAt, Boolean onTime) {

        /** Completed, or still open with its date before {@code end}; a declined action is never due. */
        boolean isDueBy(Instant end) {
            return state == CorrectiveActionView.State.COMPLETED
                    || state == CorrectiveActionView.State.OPEN && dueAt != null && dueAt.isBefore(end);
        }
    }

    /**
     * Figures of one severity; durations in seconds, null where there was nothing to measure. A corrective action
     * counts as due once completed or once its due date is before the period's end; declined ones are counted apart.
     */
    public record SeverityFigures(Severity severity, int incidents, Long detectionToDeclarationMedian,
                                  Long detectionToDeclarationP90, Long declarationToFirstPublicUpdateMedian,
                                  Long declarationToFirstPublicUpdateP90, Double promisesKeptShare,
                                  Long lateUpdateLatenessP90, int customerReportedFirst, int rcasDue,
                                  int rcasOnTime, int correctiveActionsDue, int correctiveActionsOnTime,
                                  int correctiveActionsDeclined) {
    }

    /** Incidents declared in [from, to), grouped by severity, in severity order. */
    public static List<SeverityFigures> of(List<IncidentFigures> incidents, Instant from, Instant to) {
        Map<Severity, List<IncidentFigures>> bySeverity = incidents.stream()
                .filter(i -> !i.declaredAt().isBefore(from) && i.declaredAt().isBefore(to))
                .collect(Collectors.groupingBy(IncidentFigures::severity, TreeMap::new, Collectors.toList()));
        return bySeverity.entrySet().stream().map(e -> figures(e.getKey(), e.getValue(), to)).toList();
    }

    private static SeverityFigures figures(Severity severity, List<IncidentFigures> incidents, Instant end) {
        List<Long> toDeclare = seconds(incidents, i -> i.detectedAt(), i -> i.declaredAt());
        List<Long> toFirstUpdate = seconds(incidents, i -> i.declaredAt(), i -> i.firstPublicUpdateAt());
        int kept = incidents.stream().mapToInt(IncidentFigures::promisesKept).sum();
        int missed = incidents.stream().mapToInt(IncidentFigures::promisesMissed).sum();
        List<Long> lateness = incidents.stream().flatMap(i -> i.lateUpdateSeconds().stream()).sorted().toList();
        List<IncidentFigures> rcasDue = incidents.stream().filter(i -> i.rcaDueAt() != null).toList();
        int onTime = (int) rcasDue.stream()
                .filter(i -> i.rcaPublishedAt() != null && !i.rcaPublishedAt().isAfter(i.rcaDueAt())).count();
        List<ActionFigures> actions = incidents.stream().flatMap(i -> i.correctiveActions().stream()).toList();
        List<ActionFigures> actionsDue = actions.stream().filter(a -> a.isDueBy(end)).toList();
        return new SeverityFigures(severity, incidents.size(), percentile(toDeclare, 50), percentile(toDeclare, 90),
                percentile(toFirstUpdate, 50), percentile(toFirstUpdate, 90),
                kept + missed == 0 ? null : (double) kept / (kept + missed), percentile(lateness, 90),
                (int) incidents.stream().filter(IncidentFigures::customerReportedFirst).count(), rcasDue.size(),
                onTime, actionsDue.size(), (int) actionsDue.stream().filter(a -> Boolean.TRUE.equals(a.onTime()))
                        .count(), (int) actions.stream().filter(a -> a.state() == CorrectiveActionView.State.DECLINED)
                        .count());
    }

    private static List<Long> seconds(List<IncidentFigures> incidents,
                                      java.util.function.Function<IncidentFigures, Instant> start,
                                      java.util.function.Function<IncidentFigures, Instant> end) {
        List<Long> values = new ArrayList<>();
        for (IncidentFigures incident : incidents) {
            if (start.apply(incident) != null && end.apply(incident) != null) {
                values.add(Math.max(0, Duration.between(start.apply(incident), end.apply(incident)).toSeconds()));
            }
        }
        values.sort(Comparator.naturalOrder());
        return values;
    }

    /** Nearest-rank percentile of sorted values, or null when there are none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
