package dev.incidents.commands.domain;

import java.time.Instant;

/** What the decider remembers of one corrective action: enough to judge complete, decline and reschedule. */
public record TrackedAction(State state, Instant dueAt) {

    public enum State { OPEN, COMPLETED, DECLINED }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    TrackedAction in(State next) {
        return new TrackedAction(next, dueAt);
    }

    TrackedAction dueAt(Instant next) {
        return new TrackedAction(state, next);
    }
}
