package dev.incidents.commands.domain;

import dev.incidents.commands.domain.MaintenanceCommand.UpdateMaintenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.incidents.commands.domain.Checks.first;
import static dev.incidents.commands.domain.Checks.notBefore;
import static dev.incidents.commands.domain.Checks.notNull;
import static dev.incidents.commands.domain.TextRules.required;

/**
 * What a maintenance plan must hold: a title, a description its audience can read, the components it touches, and a
 * window that ends after it starts, lasts no longer than the policy allows and is not planned too far ahead. A time a
 * command names must not have passed; times it leaves alone are judged only against each other, so an update saying
 * something about a window that has run over is still taken.
 */
final class MaintenancePlanRules {

    private final MaintenancePolicy policy;

    MaintenancePlanRules(MaintenancePolicy policy) {
        this.policy = policy;
    }

    Optional<Rejection> plan(MaintenancePlan plan, Instant now) {
        if (plan == null) {
            return Optional.of(Rejection.invalid("plan", "A maintenance needs its plan."));
        }
        return first(
                required("title", plan.title(), CommandLimits.TITLE_MAX),
                required("description", plan.description(), CommandLimits.SUMMARY_MAX),
                components(plan.components()),
                notNull("startsAt", plan.startsAt()),
                notNull("endsAt", plan.endsAt()),
                times(plan.startsAt(), plan.endsAt(), now),
                window(plan));
    }

    Optional<Rejection> update(UpdateMaintenance update, Instant now) {
        if (update.message() == null && !update.changesPlan()) {
            return Optional.of(Rejection.invalid("message",
                    "An update says something (message), changes the plan (title, description, components, "
                            + "startsAt, endsAt), or both."));
        }
        return first(
                update.message() != null ? required("message", update.message(), CommandLimits.MESSAGE_MAX)
                        : Optional.empty(),
                update.title() != null ? required("title", update.title(), CommandLimits.TITLE_MAX) : Optional.empty(),
                update.description() != null
                        ? required("description", update.description(), CommandLimits.SUMMARY_MAX) : Optional.empty(),
                update.components() != null ? components(update.components()) : Optional.empty(),
                times(update.startsAt(), update.endsAt(), now),
                update.startsAt() != null && update.endsAt() != null ? order(update.startsAt(), update.endsAt())
                        : Optional.empty());
    }

    /** The window as a whole: ends after it starts, and no longer than the longest allowed. */
    Optional<Rejection> window(MaintenancePlan plan) {
        if (plan.startsAt() == null || plan.endsAt() == null) {
            return Optional.empty();
        }
        Optional<Rejection> order = order(plan.startsAt(), plan.endsAt());
        if (order.isPresent()) {
            return order;
        }
        return plan.endsAt().isAfter(plan.startsAt().plus(policy.longestWindow()))
                ? Optional.of(Rejection.invalid("endsAt", "A maintenance window lasts at most "
                        + policy.longestWindow().toHours() + " hours; endsAt must be no later than "
                        + plan.startsAt().plus(policy.longestWindow()) + "."))
                : Optional.empty();
    }

    private static Optional<Rejection> order(Instant startsAt, Instant endsAt) {
        return endsAt.isAfter(startsAt) ? Optional.empty()
                : Optional.of(Rejection.invalid("endsAt", "endsAt must be after startsAt (" + startsAt + ")."));
    }

    /** The times a command names: none before the earliest time, the end not passed, the start not too far ahead. */
    private Optional<Rejection> times(Instant startsAt, Instant endsAt, Instant now) {
        Instant furthest = now.plus(policy.furthestAhead());
        return first(
                notBefore("startsAt", startsAt, policy.earliestTime()),
                notBefore("endsAt", endsAt, policy.earliestTime()),
                endsAt != null && !endsAt.isAfter(now)
                        ? Optional.of(Rejection.invalid("endsAt", "endsAt must be in the future (now is " + now
                                + "); a window that has ended is not announced."))
                        : Optional.empty(),
                startsAt != null && startsAt.isAfter(furthest)
                        ? Optional.of(Rejection.invalid("startsAt", "startsAt must be no later than " + furthest
                                + " (" + policy.furthestAhead().toDays() + " days ahead)."))
                        : Optional.empty());
    }

    private Optional<Rejection> components(List<String> components) {
        if (components == null || components.isEmpty()) {
            return Optional.of(Rejection.invalid("components", "A maintenance names the components it touches."));
        }
        if (components.size() > policy.maxComponents()) {
            return Optional.of(Rejection.invalid("components",
                    "components must list at most " + policy.maxComponents() + " entries."));
        }
        return components.stream()
                .map(component -> required("components", component, CommandLimits.NAME_MAX))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
