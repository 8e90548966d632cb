package dev.incidents.commands.domain;

import dev.incidents.commands.domain.IncidentCommand.ChangeSeverity;
import dev.incidents.commands.domain.IncidentCommand.CompleteCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.IncidentCommand.DeclineCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.LinkCustomerReport;
import dev.incidents.commands.domain.IncidentCommand.PostUpdate;
import dev.incidents.commands.domain.IncidentCommand.PublishRca;
import dev.incidents.commands.domain.IncidentCommand.ReopenIncident;
import dev.incidents.commands.domain.IncidentCommand.RescheduleCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.ResolveIncident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.incidents.commands.domain.Checks.first;
import static dev.incidents.commands.domain.Checks.notBefore;
import static dev.incidents.commands.domain.Checks.notNull;
import static dev.incidents.commands.domain.TextRules.optional;
import static dev.incidents.commands.domain.TextRules.required;

/**
 * Checks a command's own content, whatever the incident's state. Commands may come straight from Kafka
 * without passing the HTTP edge, so the decider never trusts that they were validated before.
 */
final class CommandValidator {

    /** The furthest ahead a corrective action may be planned; a later date is treated as a typo. */
    static final Duration LONGEST_PLAN = Duration.ofDays(366);

    private CommandValidator() {
    }

    /** @param earliest the earliest time a command may name */
    static Optional<Rejection> validate(IncidentCommand command, Instant now, IncidentPolicy policy) {
        return first(content(command, now, policy.maxComponents()), times(command, policy.earliestTime()));
    }

    private static Optional<Rejection> content(IncidentCommand command, Instant now, int maxComponents) {
        return switch (command) {
            case DeclareIncident c -> first(
                    required("title", c.title(), CommandLimits.TITLE_MAX),
                    notNull("severity", c.severity()),
                    required("summary", c.summary(), CommandLimits.SUMMARY_MAX),
                    components(c, maxComponents),
                    optional("commander", c.commander(), CommandLimits.NAME_MAX),
                    optional("dedupKey", c.dedupKey(), CommandLimits.DEDUP_KEY_MAX),
                    optional("source", c.source(), CommandLimits.NAME_MAX),
                    notInFuture("detectedAt", c.detectedAt(), now),
                    alerts(c));
            case PostUpdate c -> first(
                    notNull("status", c.status()),
                    c.status() == IncidentStatus.RESOLVED
                            ? Optional.of(Rejection.invalid("status", "Use resolve to resolve an incident."))
                            : Optional.empty(),
                    required("message", c.message(), CommandLimits.MESSAGE_MAX),
                    notNull("audience", c.audience()),
                    c.audience() == Audience.INTERNAL && c.nextUpdateAt() != null
                            ? Optional.of(Rejection.invalid("nextUpdateAt",
                                    "Only PUBLIC updates promise the next update; omit nextUpdateAt on INTERNAL ones."))
                            : Optional.empty());
            case ChangeSeverity c -> first(
                    notNull("severity", c.severity()),
                    required("reason", c.reason(), CommandLimits.REASON_MAX));
            case ResolveIncident c -> first(
                    required("message", c.message(), CommandLimits.MESSAGE_MAX),
                    notNull("rcaDueAt", c.rcaDueAt()),
                    required("rcaOwner", c.rcaOwner(), CommandLimits.NAME_MAX));
            case ReopenIncident c -> required("reason", c.reason(), CommandLimits.REASON_MAX);
            case PublishRca c -> first(
                    required("rootCause", c.rootCause(), CommandLimits.ROOT_CAUSE_MAX),
                    correctiveActions(c, now),
                    c.thirdParty() == null ? Optional.empty() : first(
                            required("thirdParty.vendor", c.thirdParty().vendor(), CommandLimits.NAME_MAX),
                            required("thirdParty.description", c.thirdParty().description(),
                                    CommandLimits.SUMMARY_MAX)));
            case LinkCustomerReport c -> first(
                    notNull("receivedAt", c.receivedAt()),
                    notInFuture("receivedAt", c.receivedAt(), now),
                    required("channel", c.channel(), CommandLimits.NAME_MAX),
                    optional("reference", c.reference(), CommandLimits.NAME_MAX));
            case CompleteCorrectiveAction c -> first(
                    required("actionId", c.actionId(), CommandLimits.NAME_MAX),
                    required("note", c.note(), CommandLimits.SUMMARY_MAX));
            case DeclineCorrectiveAction c -> first(
                    required("actionId", c.actionId(), CommandLimits.NAME_MAX),
                    required("reason", c.reason(), CommandLimits.REASON_MAX));
            case RescheduleCorrectiveAction c -> first(
                    required("actionId", c.actionId(), CommandLimits.NAME_MAX),
                    notNull("dueAt", c.dueAt()),
                    plannable("dueAt", c.dueAt(), now, ""),
                    required("reason", c.reason(), CommandLimits.REASON_MAX));
        };
    }

    /** Every time the command names, none before {@code earliest}. */
    private static Optional<Rejection> times(IncidentCommand command, Instant earliest) {
        return switch (command) {
            case DeclareIncident c -> notBefore("detectedAt", c.detectedAt(), earliest);
            case PostUpdate c -> notBefore("nextUpdateAt", c.nextUpdateAt(), earliest);
            case ResolveIncident c -> notBefore("rcaDueAt", c.rcaDueAt(), earliest);
            case PublishRca c -> c.correctiveActions().stream()
                    .map(action -> notBefore("correctiveActions.dueAt", action.dueAt(), earliest))
                    .flatMap(Optional::stream).findFirst();
            case LinkCustomerReport c -> notBefore("receivedAt", c.receivedAt(), earliest);
            case RescheduleCorrectiveAction c -> notBefore("dueAt", c.dueAt(), earliest);
            case ChangeSeverity c -> Optional.empty();
            case ReopenIncident c -> Optional.empty();
            case CompleteCorrectiveAction c -> Optional.empty();
            case DeclineCorrectiveAction c -> Optional.empty();
        };
    }


    private static Optional<Rejection> components(DeclareIncident c, int maxComponents) {
        if (c.components().size() > maxComponents) {
            return Optional.of(Rejection.invalid("components",
                    "components must list at most " + maxComponents + " entries."));
        }
        return c.components().stream()
                .map(component -> required("components", component, CommandLimits.NAME_MAX))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A monitor's report names each alert once, by a key and a name, under the dedup key of its group. */
    private static Optional<Rejection> alerts(DeclareIncident c) {
        if (!c.reportsAlerts()) {
            return Optional.empty();
        }
        if (c.dedupKey() == null) {
            return Optional.of(Rejection.invalid("dedupKey", "A report of alerts needs the dedupKey of its group."));
        }
        if (c.alerts().size() > CommandLimits.ALERTS_MAX) {
            return Optional.of(Rejection.invalid("alerts",
                    "alerts must list at most " + CommandLimits.ALERTS_MAX + " entries."));
        }
        if (c.alerts().stream().map(AlertSignal::key).distinct().count() < c.alerts().size()) {
            return Optional.of(Rejection.invalid("alerts.key", "Each alert of a report has a key of its own."));
        }
        return c.alerts().stream()
                .map(alert -> first(
                        required("alerts.key", alert.key(), CommandLimits.DEDUP_KEY_MAX),
                        required("alerts.name", alert.name(), CommandLimits.NAME_MAX),
                        notNull("alerts.state", alert.state())))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Rejection> correctiveActions(PublishRca c, Instant now) {
        if (c.correctiveActions().isEmpty()) {
            return Optional.of(Rejection.invalid("correctiveActions",
                    "An RCA names at least one corrective action of our own, even when a third party caused the incident."));
        }
        if (c.correctiveActions().size() > CommandLimits.CORRECTIVE_ACTIONS_MAX) {
            return Optional.of(Rejection.invalid("correctiveActions",
                    "correctiveActions must list at most " + CommandLimits.CORRECTIVE_ACTIONS_MAX + " entries."));
        }
        return c.correctiveActions().stream()
                .map(action -> first(
                        required("correctiveActions.description", action.description(), CommandLimits.SUMMARY_MAX),
                        required("correctiveActions.owner", action.owner(), CommandLimits.NAME_MAX),
                        plannable("correctiveActions.dueAt", action.dueAt(), now,
                                "; omit it for the RCA window's end")))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A due date of a corrective action, if given: in the future and within {@link #LONGEST_PLAN}. */
    private static Optional<Rejection> plannable(String field, Instant dueAt, Instant now, String whenPast) {
        Instant latestPlan = now.plus(LONGEST_PLAN);
        if (dueAt != null && !dueAt.isAfter(now)) {
            return Optional.of(Rejection.invalid(field, field + " must be in the future (now is " + now + ")"
                    + whenPast + "."));
        }
        return dueAt != null && dueAt.isAfter(latestPlan)
                ? Optional.of(Rejection.invalid(field, field + " must be no later than " + latestPlan + "."))
                : Optional.empty();
    }

    private static Optional<Rejection> notInFuture(String field, Instant value, Instant now) {
        return value != null && value.isAfter(now)
                ? Optional.of(Rejection.invalid(field, field + " must not be in the future (now is " + now + ")."))
                : Optional.empty();
    }
}
