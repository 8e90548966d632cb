package dev.incidents.commands.domain;

import dev.incidents.commands.domain.IncidentCommand.CompleteCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.DeclineCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.RescheduleCorrectiveAction;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionCompleted;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionDeclined;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionRescheduled;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The follow-through of an RCA's promises: an action stays open until it is completed or (by a commander) declined,
 * and its due date moves only by a recorded reschedule. Part of {@link IncidentDecider}, kept apart for size.
 */
final class CorrectiveActions {

    private CorrectiveActions() {
    }

    static Decision<IncidentEvent> complete(CompleteCorrectiveAction c, Incident state) {
        return whenOpen(state, c.actionId(), action ->
                Decision.accept(new CorrectiveActionCompleted(c.actionId(), c.note(), action.dueAt())));
    }

    static Decision<IncidentEvent> decline(DeclineCorrectiveAction c, Incident state) {
        return whenOpen(state, c.actionId(), action ->
                Decision.accept(new CorrectiveActionDeclined(c.actionId(), c.reason())));
    }

    /** The new date's own rules (future, within a year) are the validator's; here only the state's. */
    static Decision<IncidentEvent> reschedule(RescheduleCorrectiveAction c, Incident state) {
        return whenOpen(state, c.actionId(), action -> {
            if (c.dueAt().equals(action.dueAt())) {
                return Decision.reject(Rejection.conflict("Corrective action " + c.actionId() + " is already due at "
                        + action.dueAt() + "."));
            }
            return Decision.accept(new CorrectiveActionRescheduled(c.actionId(), action.dueAt(), c.dueAt(),
                    c.reason()));
        });
    }

    private static Decision<IncidentEvent> whenOpen(Incident state, String actionId, Function<TrackedAction, Decision<IncidentEvent>> decide) {
        TrackedAction action = state.correctiveActions().get(actionId);
        if (action == null) {
            return Decision.reject(new Rejection(Rejection.Reason.NOT_FOUND, "actionId", "Incident " + state.id()
                    + " has no corrective action " + actionId + (state.correctiveActions().isEmpty()
                    ? " (no RCA has named any)." : "; its actions are " + String.join(", ",
                    state.correctiveActions().keySet()) + ".")));
        }
        if (!action.isOpen()) {
            return Decision.reject(Rejection.conflict("Corrective action " + actionId + " is already "
                    + action.state().name().toLowerCase() + "."));
        }
        return decide.apply(action);
    }

    /** The incident tracking the actions of a published RCA; ids missing from old events are numbered in order. */
    static Incident track(Incident state, List<CorrectiveAction> actions) {
        Incident tracked = state;
        for (CorrectiveAction action : actions) {
            String id = action.id() != null ? action.id()
                    : CorrectiveAction.idOf(tracked.correctiveActions().size() + 1);
            tracked = tracked.withAction(id, new TrackedAction(TrackedAction.State.OPEN, action.dueAt()));
        }
        return tracked;
    }

    static Incident settle(Incident state, String actionId, TrackedAction.State outcome) {
        return state.withAction(actionId, known(state, actionId).in(outcome));
    }

    static Incident reschedule(Incident state, String actionId, Instant dueAt) {
        return state.withAction(actionId, known(state, actionId).dueAt(dueAt));
    }

    /** An event about an action the state never saw (the log is the truth): tracked from here on. */
    private static TrackedAction known(Incident state, String actionId) {
        TrackedAction action = state.correctiveActions().get(actionId);
        return action != null ? action : new TrackedAction(TrackedAction.State.OPEN, null);
    }
}
