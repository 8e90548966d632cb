package dev.incidents.projection.domain;

import dev.incidents.projection.domain.Fact.CustomerReportLinked;
import dev.incidents.projection.domain.Fact.Declared;
import dev.incidents.projection.domain.Fact.RcaPublished;
import dev.incidents.projection.domain.Fact.Reopened;
import dev.incidents.projection.domain.Fact.Resolved;
import dev.incidents.projection.domain.Fact.SeverityChanged;
import dev.incidents.projection.domain.Fact.UpdatePosted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds an incident's events into its view, and decides which deadlines to watch and what to say when one passes.
 * Pure: the wall clock comes in as an argument to {@link #fire}; events carry their own time.
 */
public final class Projection {

    private final DetectionPolicy policy;
    private final ActionFollowThrough actions;

    public Projection(DetectionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.actions = new ActionFollowThrough(policy);
    }

    /** The outcome of one event: applied (new view, detections it settles, its timeline line) or skipped. */
    public sealed interface Outcome {
        record Applied(IncidentView view, List<Detection> detections, TimelineEntry entry) implements Outcome {
        }

        /** A repeat (sequence already applied) or a gap (an earlier event is missing): state is left as it was. */
        record Skipped(Reason reason, String detail) implements Outcome {
            public enum Reason { DUPLICATE, GAP }
        }
    }

    /** @param view null before the first event of the incident */
    public Outcome apply(IncidentView view, RecordedFact event) {
        long applied = view == null ? 0 : view.version();
        if (event.sequence() <= applied) {
            return new Outcome.Skipped(Outcome.Skipped.Reason.DUPLICATE,
                    "sequence " + event.sequence() + " already applied (at " + applied + ")");
        }
        if (event.sequence() > applied + 1 || (view == null && !(event.fact() instanceof Declared))) {
            return new Outcome.Skipped(Outcome.Skipped.Reason.GAP,
                    "expected sequence " + (applied + 1) + ", got " + event.sequence());
        }
        List<Detection> detections = new ArrayList<>();
        IncidentView.Builder next = view == null ? new IncidentView.Builder() : view.toBuilder();
        next.version = event.sequence();
        evolve(next, event, detections);
        next.customerReportedFirst = next.firstCustomerReportAt != null && (next.firstPublicUpdateAt == null
                || next.firstCustomerReportAt.isBefore(next.firstPublicUpdateAt));
        Fact fact = event.fact();
        IncidentView after = next.build();
        return new Outcome.Applied(after, detections, new TimelineEntry(event.sequence(),
                TimelineKind.of(fact).storedName(), event.occurredAt(), event.actor(), fact.isPublic(), fact.text(),
                after.status()));
    }

    private void evolve(IncidentView.Builder v, RecordedFact event, List<Detection> detections) {
        Instant at = event.occurredAt();
        Fact fact = event.fact();
        switch (fact) {
            case Declared d -> {
                v.incidentId = event.incidentId();
                v.title = d.title();
                v.severity = d.severity();
                v.status = Status.INVESTIGATING;
                v.components = d.components();
                v.commander = d.commander();
                v.declaredAt = at;
                v.detectedAt = d.detectedAt();
                v.nextUpdateDueAt = d.nextUpdateDueAt();
                v.cadence = d.cadence();
                v.impact = ImpactHistory.declared(at, d.severity());
            }
            case UpdatePosted u -> {
                v.status = u.status();
                if (u.isPublic()) {
                    settlePromise(v, at, detections);
                    v.firstPublicUpdateAt = v.firstPublicUpdateAt == null ? at : v.firstPublicUpdateAt;
                    v.lastPublicUpdateAt = at;
                }
                v.nextUpdateDueAt = u.nextUpdateDueAt();
                v.cadence = u.cadence();
            }
            case SeverityChanged s -> {
                v.severity = s.to();
                v.impact = ImpactHistory.severityChanged(v.impact, at, s.to());
                v.nextUpdateDueAt = s.nextUpdateDueAt();
                v.cadence = s.cadence();
            }
            case Resolved r -> {
                settlePromise(v, at, detections);
                v.status = Status.RESOLVED;
                v.resolvedAt = at;
                v.impact = ImpactHistory.ended(v.impact, at);
                v.nextUpdateDueAt = null;
                v.rcaDueAt = r.rcaDueAt();
            }
            case Reopened r -> {
                v.status = Status.INVESTIGATING;
                v.resolvedAt = null;
                v.impact = ImpactHistory.opened(v.impact, at, v.severity);
                v.rcaDueAt = null;
                v.rcaPublishedAt = null;
                v.rcaOverdue = false;
                v.nextUpdateDueAt = r.nextUpdateDueAt();
                v.cadence = r.cadence();
            }
            case RcaPublished r -> {
                v.rcaPublishedAt = at;
                v.rcaOverdue = false;
                v.correctiveActions = ActionFollowThrough.published(v.correctiveActions, r.correctiveActions());
            }
            case Fact.ActionFollowUp f ->
                    v.correctiveActions = ActionFollowThrough.followUp(v.correctiveActions, f, at);
            case CustomerReportLinked c -> {
                v.firstCustomerReportAt = v.firstCustomerReportAt == null
                        || c.receivedAt().isBefore(v.firstCustomerReportAt) ? c.receivedAt() : v.firstCustomerReportAt;
            }
        }
    }

    /** A public word (update or resolution) keeps the promise in force if it comes by its deadline. */
    private static void settlePromise(IncidentView.Builder v, Instant at, List<Detection> detections) {
        if (v.nextUpdateDueAt == null) {
            return;
        }
        if (at.isAfter(v.nextUpdateDueAt)) {
            v.promisesMissed++;
            List<Long> late = new ArrayList<>(v.lateUpdateSeconds);
            late.add(Duration.between(v.nextUpdateDueAt, at).toSeconds());
            v.lateUpdateSeconds = late;
        } else {
            v.promisesKept++;
        }
        if (v.overdue) {
            detections.add(Detection.of(v.build(), DetectionKind.UPDATE_OVERDUE_CLEARED, v.overdueSince, 0, at));
            v.overdue = false;
            v.overdueSince = null;
            v.stillOverdueCount = 0;
        }
    }

    /** The deadlines to watch for this view; an event changes them by the difference of two plans. */
    public List<Timer> plan(IncidentView view) {
        List<Timer> timers = new ArrayList<>();
        if (view == null) {
            return timers;
        }
        String id = view.incidentId();
        Instant deadline = view.nextUpdateDueAt();
        if (view.open() && deadline != null && !view.overdue()) {
            if (!deadline.equals(view.dueSoonSentFor())) {
                timers.add(new Timer(deadline.minus(policy.leadFor(view.cadence())), id, Timer.Kind.DUE_SOON, deadline));
            }
            timers.add(new Timer(deadline, id, Timer.Kind.OVERDUE, deadline));
        }
        if (view.open() && view.overdue()) {
            Instant next = view.overdueSince().plus(
                    policy.stillOverdueFor(view.cadence()).multipliedBy(view.stillOverdueCount() + 1L));
            timers.add(new Timer(next, id, Timer.Kind.STILL_OVERDUE, view.overdueSince()));
        }
        if (!view.open() && view.rcaDueAt() != null && view.rcaPublishedAt() == null && !view.rcaOverdue()) {
            timers.add(new Timer(view.rcaDueAt(), id, Timer.Kind.RCA_OVERDUE, view.rcaDueAt()));
        }
        timers.addAll(actions.plan(view));
        return timers;
    }

    /**
     * A timer came due at {@code now}: the view after it and what to say, or empty if the view moved on. A late
     * punctuation says no more than is true now: a "due soon" whose deadline has passed is dropped (the overdue
     * detection says it), and "still overdue" counts every interval elapsed in one detection.
     */
    public Optional<Fired> fire(IncidentView view, Timer timer, Instant now) {
        if (view == null || !plan(view).contains(timer)) {
            return Optional.empty();
        }
        if (timer.actionId() != null) {
            return Optional.of(actions.fire(view, timer, now));
        }
        IncidentView.Builder next = view.toBuilder();
        List<Detection> detections = new ArrayList<>();
        switch (timer.kind()) {
            case DUE_SOON -> {
                next.dueSoonSentFor = timer.deadline();
                if (now.isBefore(timer.deadline())) {
                    detections.add(Detection.of(view, DetectionKind.UPDATE_DUE_SOON, timer.deadline(), 0, now));
                }
            }
            case OVERDUE -> {
                next.overdue = true;
                next.overdueSince = timer.deadline();
                detections.add(Detection.of(view, DetectionKind.UPDATE_OVERDUE, timer.deadline(), 0, now));
            }
            case STILL_OVERDUE -> {
                long elapsed = Duration.between(view.overdueSince(), now)
                        .dividedBy(policy.stillOverdueFor(view.cadence()));
                next.stillOverdueCount = (int) Math.max(view.stillOverdueCount() + 1L, elapsed);
                detections.add(Detection.of(view, DetectionKind.UPDATE_STILL_OVERDUE, timer.deadline(),
                        next.stillOverdueCount, now));
            }
            case RCA_OVERDUE -> {
                next.rcaOverdue = true;
                detections.add(Detection.of(view, DetectionKind.RCA_OVERDUE, timer.deadline(), 0, now));
            }
            case ACTION_DUE_SOON, ACTION_OVERDUE -> throw new IllegalStateException("An action's timer without its "
                    + "action: " + timer);
            case MAINTENANCE_STARTING_SOON, MAINTENANCE_DUE_TO_START, MAINTENANCE_OVERRUN ->
                    throw new IllegalStateException("A maintenance window's timer on an incident: " + timer);
        }
        return Optional.of(new Fired(next.build(), detections));
    }

    /** What a timer did: the view after it and the detection it emits. */
    public record Fired(IncidentView view, List<Detection> detections) {
    }
}
