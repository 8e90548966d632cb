package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Holds the team to the corrective actions its RCAs promised: folds their follow-up into the view, watches each open
 * action's due date (due soon, then overdue, reported again every {@code actionOverdueRepeat} while it stays open)
 * and says so when one passes. Part of {@link Projection}, kept apart for size.
 */
final class ActionFollowThrough {

    private final DetectionPolicy policy;

    ActionFollowThrough(DetectionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The actions after an RCA is published; ids missing from events written before they were stamped go in order. */
    static List<CorrectiveActionView> published(List<CorrectiveActionView> known, List<Fact.ActionPlan> plans) {
        List<CorrectiveActionView> actions = new ArrayList<>(known);
        for (Fact.ActionPlan plan : plans) {
            actions.add(CorrectiveActionView.planned(plan.id() != null ? plan.id() : "CA-" + (actions.size() + 1),
                    plan));
        }
        return actions;
    }

    static List<CorrectiveActionView> followUp(List<CorrectiveActionView> known, Fact.ActionFollowUp fact,
                                               Instant at) {
        return change(known, fact.actionId(), action -> switch (fact) {
            case Fact.CorrectiveActionCompleted c -> action.completed(at, c.note(), c.dueAt());
            case Fact.CorrectiveActionDeclined d -> action.declined(at, d.reason());
            case Fact.CorrectiveActionRescheduled r -> action.rescheduled(r.dueAt());
        });
    }

    /** The due dates to watch: each open action's, once it has one. */
    List<Timer> plan(IncidentView view) {
        List<Timer> timers = new ArrayList<>();
        for (CorrectiveActionView action : view.correctiveActions()) {
            Instant due = action.dueAt();
            if (!action.isOpen() || due == null) {
                continue;
            }
            if (action.overdue()) {
                Instant next = due.plus(policy.actionOverdueRepeat().multipliedBy(action.overdueRepeat() + 1L));
                timers.add(new Timer(next, view.incidentId(), Timer.Kind.ACTION_OVERDUE, due, action.id()));
                continue;
            }
            if (!due.equals(action.dueSoonSentFor())) {
                timers.add(new Timer(due.minus(policy.actionDueSoonLead()), view.incidentId(),
                        Timer.Kind.ACTION_DUE_SOON, due, action.id()));
            }
            timers.add(new Timer(due, view.incidentId(), Timer.Kind.ACTION_OVERDUE, due, action.id()));
        }
        return timers;
    }

    /**
     * A planned timer of an action came due at {@code now}. A late punctuation says no more than is true now: a
     * "due soon" past its date is dropped (the overdue report says it), and a repeat counts every interval elapsed.
     */
    Projection.Fired fire(IncidentView view, Timer timer, Instant now) {
        CorrectiveActionView action = view.correctiveActions().stream()
                .filter(candidate -> candidate.id().equals(timer.actionId())).findFirst().orElseThrow();
        List<Detection> detections = new ArrayList<>();
        CorrectiveActionView after;
        if (timer.kind() == Timer.Kind.ACTION_DUE_SOON) {
            after = action.dueSoonSent(timer.deadline());
            if (now.isBefore(timer.deadline())) {
                detections.add(Detection.ofAction(view, action, DetectionKind.CORRECTIVE_ACTION_DUE_SOON,
                        timer.deadline(), 0, now));
            }
        } else {
            long elapsed = Duration.between(timer.deadline(), now).dividedBy(policy.actionOverdueRepeat());
            int repeat = action.overdue() ? (int) Math.max(action.overdueRepeat() + 1L, elapsed) : 0;
            after = action.overdueReported(repeat);
            detections.add(Detection.ofAction(view, action, DetectionKind.CORRECTIVE_ACTION_OVERDUE,
                    timer.deadline(), repeat, now));
        }
        IncidentView.Builder next = view.toBuilder();
        next.correctiveActions = change(view.correctiveActions(), action.id(), ignored -> after);
        return new Projection.Fired(next.build(), detections);
    }

    /** The actions with the one named changed; a name the view does not know changes nothing. */
    private static List<CorrectiveActionView> change(List<CorrectiveActionView> known, String actionId,
                                                     UnaryOperator<CorrectiveActionView> change) {
        return known.stream().map(action -> action.id().equals(actionId) ? change.apply(action) : action).toList();
    }
}
