package dev.incidents.projection.domain;

import java.time.Instant;

/**
 * One corrective action of the incident's RCAs, as the incident view, the public RCA and the list of open actions
 * show it. Everything but {@code dueSoonSentFor}, {@code overdue} and {@code overdueRepeat} follows from the events;
 * those three are set when its due date comes on the wall clock.
 *
 * @param onTime         for a completed action: whether it was completed by its due date then in force
 * @param settlement     the completion note (or link), or the reason it was declined
 * @param overdueRepeat  how many times its being overdue was reported again (0 at the first report)
 */
public record CorrectiveActionView(String id, String description, String owner, Instant dueAt, State state,
                                   Instant settledAt, String settlement, Boolean onTime, int timesRescheduled,
                                   Instant dueSoonSentFor, boolean overdue, int overdueRepeat) {

    public enum State { OPEN, COMPLETED, DECLINED }

    /** @param id the plan's own, or the one numbered for it when an old event had none */
    static CorrectiveActionView planned(String id, Fact.ActionPlan plan) {
        return new CorrectiveActionView(id, plan.description(), plan.owner(), plan.dueAt(), State.OPEN, null, null,
                null, 0, null, false, 0);
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    CorrectiveActionView completed(Instant at, String note, Instant dueInForce) {
        Instant judgedBy = dueInForce != null ? dueInForce : dueAt;
        return new CorrectiveActionView(id, description, owner, dueAt, State.COMPLETED, at, note,
                judgedBy == null || !at.isAfter(judgedBy), timesRescheduled, dueSoonSentFor, false, 0);
    }

    CorrectiveActionView declined(Instant at, String reason) {
        return new CorrectiveActionView(id, description, owner, dueAt, State.DECLINED, at, reason, null,
                timesRescheduled, dueSoonSentFor, false, 0);
    }

    CorrectiveActionView rescheduled(Instant newDueAt) {
        return new CorrectiveActionView(id, description, owner, newDueAt, state, settledAt, settlement, onTime,
                timesRescheduled + 1, dueSoonSentFor, false, 0);
    }

    CorrectiveActionView dueSoonSent(Instant deadline) {
        return new CorrectiveActionView(id, description, owner, dueAt, state, settledAt, settlement, onTime,
                timesRescheduled, deadline, overdue, overdueRepeat);
    }

    CorrectiveActionView overdueReported(int repeat) {
        return new CorrectiveActionView(id, description, owner, dueAt, state, settledAt, settlement, onTime,
                timesRescheduled, dueSoonSentFor, true, repeat);
    }
}
