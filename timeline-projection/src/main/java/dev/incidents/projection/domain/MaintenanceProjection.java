package dev.incidents.projection.domain;

import dev.incidents.projection.domain.MaintenanceDetection.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds a maintenance window's events into its view, and times the window: a reminder {@code startingSoonLead}
 * before its start, a report when its start comes and it has not started, and while its end has passed without it
 * being completed, a report of the overrun every {@code overrunRepeat}. Pure: the wall clock comes in as an argument
 * to {@link #fire}; events carry their own time.
 */
public final class MaintenanceProjection {

    private final Duration startingSoonLead;
    private final Duration overrunRepeat;

    public MaintenanceProjection(Duration startingSoonLead, Duration overrunRepeat) {
        this.startingSoonLead = Objects.requireNonNull(startingSoonLead, "startingSoonLead");
        this.overrunRepeat = Objects.requireNonNull(overrunRepeat, "overrunRepeat");
        if (overrunRepeat.isNegative() || overrunRepeat.isZero()) {
            throw new IllegalArgumentException("overrunRepeat must be a positive duration");
        }
    }

    /** The defaults of {@code incidents.maintenance.*}: a reminder an hour ahead, an overrun reported every 15 min. */
    public static MaintenanceProjection defaults() {
        return new MaintenanceProjection(Duration.ofMinutes(60), Duration.ofMinutes(15));
    }

    /**
     * The view after {@code fact}, or the view as it was with why not: a repeat, or a gap (an earlier event is
     * missing, or a schedule that is not the window's first event, or a first event that is not a schedule).
     */
    public Applied apply(MaintenanceView view, MaintenanceFact.Recorded fact) {
        long applied = view == null ? 0 : view.version();
        if (fact.sequence() <= applied) {
            return new Applied(view, "sequence " + fact.sequence() + " already applied (at " + applied + ")");
        }
        if (fact.sequence() > applied + 1) {
            return new Applied(view, "expected sequence " + (applied + 1) + ", got " + fact.sequence());
        }
        if ((view == null) != (fact.fact() instanceof MaintenanceFact.Scheduled)) {
            return new Applied(view, "a window's schedule is its first event and only its first; sequence "
                    + fact.sequence() + " is " + fact.fact().getClass().getSimpleName());
        }
        return new Applied(view == null ? MaintenanceView.scheduled(fact) : view.applied(fact), null);
    }

    /** What applying an event gave: the view after it, or the view as it was and why the event was skipped. */
    public record Applied(MaintenanceView view, String skipped) {
        public boolean wasSkipped() {
            return skipped != null;
        }
    }

    /** The moments to watch for this view; an event changes them by the difference of two plans. */
    public List<Timer> plan(MaintenanceView view) {
        List<Timer> timers = new ArrayList<>();
        if (view == null || view.status().isOver()) {
            return timers;
        }
        String id = view.maintenanceId();
        if (view.status() == MaintenanceStatus.SCHEDULED) {
            Instant remindAt = view.startsAt().minus(startingSoonLead);
            if (!view.startsAt().equals(view.remindedFor()) && remindAt.isAfter(view.plannedAt())) {
                timers.add(new Timer(remindAt, id, Timer.Kind.MAINTENANCE_STARTING_SOON, view.startsAt()));
            }
            if (!view.startsAt().equals(view.dueToStartFor())) {
                timers.add(new Timer(view.startsAt(), id, Timer.Kind.MAINTENANCE_DUE_TO_START, view.startsAt()));
            }
        }
        timers.add(new Timer(view.endsAt().plus(overrunRepeat.multipliedBy(view.overrunsOfCurrentEnd())), id,
                Timer.Kind.MAINTENANCE_OVERRUN, view.endsAt()));
        return timers;
    }

    /**
     * A timer came due at {@code now}: the view after it and what to say, or empty if the view moved on. A late
     * reminder is dropped once the start has passed (the due-to-start report says it), and a late overrun report
     * counts every interval elapsed.
     */
    public Optional<Fired> fire(MaintenanceView view, Timer timer, Instant now) {
        if (view == null || !plan(view).contains(timer)) {
            return Optional.empty();
        }
        return Optional.of(switch (timer.kind()) {
            case MAINTENANCE_STARTING_SOON -> new Fired(view.reminded(), now.isBefore(timer.deadline())
                    ? List.of(MaintenanceDetection.of(view, Kind.MAINTENANCE_STARTING_SOON, timer.deadline(), 0, now))
                    : List.of());
            case MAINTENANCE_DUE_TO_START -> new Fired(view.reportedDueToStart(),
                    List.of(MaintenanceDetection.of(view, Kind.MAINTENANCE_DUE_TO_START, timer.deadline(), 0, now)));
            case MAINTENANCE_OVERRUN -> {
                long elapsed = Duration.between(view.endsAt(), now).dividedBy(overrunRepeat);
                int reports = (int) Math.max(view.overrunsOfCurrentEnd() + 1L, elapsed + 1);
                yield new Fired(view.reportedOverrun(reports), List.of(MaintenanceDetection.of(view,
                        Kind.MAINTENANCE_OVERRUN, timer.deadline(), reports - 1, now)));
            }
            default -> throw new IllegalStateException("An incident's timer on a maintenance window: " + timer);
        });
    }

    /** What a timer did: the view after it and the detections it emits. */
    public record Fired(MaintenanceView view, List<MaintenanceDetection> detections) {
    }
}
