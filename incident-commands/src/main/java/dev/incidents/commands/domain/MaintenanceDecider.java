package dev.incidents.commands.domain;

import dev.incidents.commands.domain.MaintenanceCommand.CancelMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.CompleteMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.ScheduleMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.StartMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.UpdateMaintenance;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceCancelled;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceCompleted;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceScheduled;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceStarted;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceUpdated;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.incidents.commands.domain.Checks.first;
import static dev.incidents.commands.domain.Checks.notNull;
import static dev.incidents.commands.domain.TextRules.required;

/**
 * The rules of a maintenance window's life as a decider: scheduled, then started, then completed; or cancelled
 * before it starts. Its plan may change until it is over, but a started window's start stays where it was. Each step
 * says something to the window's audience: starting and completing carry a message, cancelling a reason.
 * Pure: no clock, no I/O.
 */
public final class MaintenanceDecider {

    private final MaintenancePlanRules rules;

    public MaintenanceDecider(MaintenancePolicy policy) {
        this.rules = new MaintenancePlanRules(Objects.requireNonNull(policy, "policy"));
    }

    /** The checks that need no state: a command failing them is refused before it is sent anywhere. */
    public Optional<Rejection> precheck(MaintenanceCommand command, Instant now) {
        return switch (command) {
            case ScheduleMaintenance c -> first(notNull("audience", c.audience()), rules.plan(c.plan(), now));
            case UpdateMaintenance c -> rules.update(c, now);
            case StartMaintenance c -> required("message", c.message(), CommandLimits.MESSAGE_MAX);
            case CompleteMaintenance c -> required("message", c.message(), CommandLimits.MESSAGE_MAX);
            case CancelMaintenance c -> required("reason", c.reason(), CommandLimits.REASON_MAX);
        };
    }

    /**
     * @param state           the window, or null when nothing was scheduled under this id
     * @param expectedVersion the version the caller saw, or null to skip the check
     */
    public Decision<MaintenanceEvent> decide(MaintenanceCommand command, Maintenance state, Long expectedVersion,
                                             Instant now) {
        Optional<Rejection> refused = precheck(command, now)
                .or(() -> command instanceof ScheduleMaintenance ? Optional.empty()
                        : missingOrStale(state, expectedVersion));
        if (refused.isPresent()) {
            return Decision.reject(refused.get());
        }
        return switch (command) {
            case ScheduleMaintenance c -> state == null
                    ? Decision.accept(new MaintenanceScheduled(c.plan(), c.audience()))
                    : Decision.reject(Rejection.conflict("Maintenance " + state.id() + " already exists."));
            case UpdateMaintenance c -> update(c, state);
            case StartMaintenance c -> state.status() == MaintenanceStatus.SCHEDULED
                    ? Decision.accept(new MaintenanceStarted(c.message()))
                    : Decision.reject(Rejection.conflict("Only a scheduled window can start; this one is "
                            + describe(state.status()) + "."));
            case CompleteMaintenance c -> state.status() == MaintenanceStatus.IN_PROGRESS
                    ? Decision.accept(new MaintenanceCompleted(c.message()))
                    : Decision.reject(Rejection.conflict("Only a window in progress can complete; this one is "
                            + describe(state.status()) + (state.status() == MaintenanceStatus.SCHEDULED
                            ? " (start it first)" : "") + "."));
            case CancelMaintenance c -> state.status() == MaintenanceStatus.SCHEDULED
                    ? Decision.accept(new MaintenanceCancelled(c.reason()))
                    : Decision.reject(Rejection.conflict("Only a window that has not started can be cancelled; "
                            + "this one is " + describe(state.status())
                            + (state.status() == MaintenanceStatus.IN_PROGRESS ? " (complete it instead)" : "")
                            + "."));
        };
    }

    private Decision<MaintenanceEvent> update(UpdateMaintenance c, Maintenance state) {
        if (state.status().isOver()) {
            return Decision.reject(Rejection.conflict("The window is " + describe(state.status())
                    + "; it takes no more updates."));
        }
        if (state.status() == MaintenanceStatus.IN_PROGRESS && c.startsAt() != null
                && !c.startsAt().equals(state.plan().startsAt())) {
            return Decision.reject(Rejection.invalid("startsAt",
                    "The window has started; its start cannot move (change endsAt to extend it)."));
        }
        MaintenancePlan changed = state.plan().changedBy(c);
        return rules.window(changed).<Decision<MaintenanceEvent>>map(Decision::reject)
                .orElseGet(() -> Decision.accept(new MaintenanceUpdated(c.message(), changed)));
    }

    private static Optional<Rejection> missingOrStale(Maintenance state, Long expectedVersion) {
        return Checks.missingOrStale("maintenance", state == null ? null : state.version(), expectedVersion);
    }

    private static String describe(MaintenanceStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    /** Folds one event into the window's state; {@code state} is null before its schedule. */
    public static Maintenance evolve(Maintenance state, String maintenanceId, MaintenanceEvent event) {
        return switch (event) {
            case MaintenanceScheduled e ->
                    new Maintenance(maintenanceId, 1, MaintenanceStatus.SCHEDULED, e.plan(), e.audience());
            case MaintenanceUpdated e -> state.next(state.status(), e.plan());
            case MaintenanceStarted e -> state.next(MaintenanceStatus.IN_PROGRESS, state.plan());
            case MaintenanceCompleted e -> state.next(MaintenanceStatus.COMPLETED, state.plan());
            case MaintenanceCancelled e -> state.next(MaintenanceStatus.CANCELLED, state.plan());
        };
    }
}
