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
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionCompleted;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionDeclined;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionRescheduled;
import dev.incidents.commands.domain.IncidentEvent.CustomerReportLinked;
import dev.incidents.commands.domain.IncidentEvent.IncidentDeclared;
import dev.incidents.commands.domain.IncidentEvent.IncidentReopened;
import dev.incidents.commands.domain.IncidentEvent.IncidentResolved;
import dev.incidents.commands.domain.IncidentEvent.RcaPublished;
import dev.incidents.commands.domain.IncidentEvent.SeverityChanged;
import dev.incidents.commands.domain.IncidentEvent.UpdatePosted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of an incident's life as a decider: {@link #decide} judges a command against the current state at a
 * given instant, {@link #evolve} folds an event into the state. Pure: no clock, no I/O, no randomness.
 */
public final class IncidentDecider {

    private final IncidentPolicy policy;

    public IncidentDecider(IncidentPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The cadences and RCA windows it decides with. */
    public IncidentPolicy policy() {
        return policy;
    }

    /**
     * The checks that need no state: a command failing them is refused before it is sent anywhere. Deadlines are
     * bounded by the loosest severity here; the exact bound for the incident's severity is applied by decide.
     */
    public Optional<Rejection> precheck(IncidentCommand command, Instant now) {
        Optional<Rejection> invalid = CommandValidator.validate(command, now, policy);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (command instanceof PostUpdate c && c.nextUpdateAt() != null
                && c.nextUpdateAt().isAfter(now.plus(policy.longestCadence()))) {
            return Optional.of(Rejection.invalid("nextUpdateAt", "nextUpdateAt must be no later than "
                    + now.plus(policy.longestCadence()) + " (the longest cadence of any severity)."));
        }
        if (command instanceof ResolveIncident c && c.rcaDueAt().isAfter(now.plus(policy.longestRcaWindow()))) {
            return Optional.of(Rejection.invalid("rcaDueAt", "rcaDueAt must be no later than "
                    + now.plus(policy.longestRcaWindow()) + " (the longest RCA window of any severity)."));
        }
        return Optional.empty();
    }

    /**
     * @param state           the incident, or null when nothing was declared under this id
     * @param expectedVersion the version the caller saw, or null to skip the check
     */
    public Decision<IncidentEvent> decide(IncidentCommand command, Incident state, Long expectedVersion, Instant now) {
        Optional<Rejection> invalid = CommandValidator.validate(command, now, policy);
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        if (!(command instanceof DeclareIncident)) {
            Optional<Rejection> missingOrStale = missingOrStale(state, expectedVersion);
            if (missingOrStale.isPresent()) {
                return Decision.reject(missingOrStale.get());
            }
        }
        return switch (command) {
            case DeclareIncident c -> state == null
                    ? declare(c, now)
                    : Decision.reject(Rejection.conflict("Incident " + state.id() + " already exists."));
            case PostUpdate c -> postUpdate(c, state, now);
            case ChangeSeverity c -> changeSeverity(c, state, now);
            case ResolveIncident c -> resolve(c, state, now);
            case ReopenIncident c -> reopen(c, state, now);
            case PublishRca c -> publishRca(c, state, now);
            case LinkCustomerReport c -> Decision.accept(new CustomerReportLinked(c.receivedAt(), c.channel(),
                    c.reference()));
            case CompleteCorrectiveAction c -> CorrectiveActions.complete(c, state);
            case DeclineCorrectiveAction c -> CorrectiveActions.decline(c, state);
            case RescheduleCorrectiveAction c -> CorrectiveActions.reschedule(c, state);
        };
    }

    /**
     * A declare that claimed its dedup key: no open incident held it. A monitor's report in which no alert fires
     * declares nothing (its alerts resolved, or were acknowledged, before anyone declared an incident).
     */
    public Decision<IncidentEvent> decideUnheld(DeclareIncident command, Instant now) {
        if (command.reportsAlerts() && command.alerts().stream().noneMatch(AlertSignal::firing)) {
            return Decision.reject(new Rejection(Rejection.Reason.NOT_FOUND, "dedupKey", "No open incident holds "
                    + "dedup key " + command.dedupKey() + " and no reported alert fires: nothing is declared."));
        }
        return decide(command, null, null, now);
    }

    /**
     * A declare joining {@code holder}, the open incident holding its dedup key. A person's repeat changes nothing;
     * a monitor's report tells the incident what changed in one INTERNAL update, and raises (never lowers) its
     * severity when a firing alert maps to a higher one.
     */
    public Decision<IncidentEvent> decideJoin(DeclareIncident command, Incident holder, Instant now) {
        Optional<Rejection> invalid = CommandValidator.validate(command, now, policy);
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        List<IncidentEvent> events = new ArrayList<>();
        List<AlertSignal> changes = AlertReport.changes(holder.alerts(), command.alerts());
        Incident after = holder;
        if (!changes.isEmpty()) {
            UpdatePosted update = new UpdatePosted(holder.status(), AlertReport.message(command.source(), changes,
                    holder.withAlerts(changes).alerts()), Audience.INTERNAL, holder.nextUpdateDueAt(),
                    policy.cadenceOf(holder.severity()), changes);
            events.add(update);
            after = evolve(holder, holder.id(), update);
        }
        if (command.severity().isHigherThan(after.severity()) && command.alerts().stream()
                .anyMatch(AlertSignal::firing)) {
            events.add(severityChanged(after, command.severity(), (command.source() == null ? "A monitor"
                    : command.source()) + " reports firing alerts of " + command.severity() + ".", now));
        }
        return new Decision.Accepted<>(events);
    }

    private static Optional<Rejection> missingOrStale(Incident state, Long expectedVersion) {
        return Checks.missingOrStale("incident", state == null ? null : state.version(), expectedVersion);
    }

    /** @param state null before the first event */
    public static Incident evolve(Incident state, String incidentId, IncidentEvent event) {
        return switch (event) {
            case IncidentDeclared e -> new Incident(incidentId, 1, e.severity(), IncidentStatus.INVESTIGATING,
                    e.nextUpdateDueAt(), e.dedupKey(), null, false).withAlerts(e.alerts());
            case UpdatePosted e -> state.next(state.severity(), e.status(), e.nextUpdateDueAt(), state.rcaDueAt(),
                    state.rcaPublished()).withAlerts(e.alerts());
            case SeverityChanged e -> state.next(e.to(), state.status(), e.nextUpdateDueAt(), state.rcaDueAt(),
                    state.rcaPublished());
            case IncidentResolved e -> state.next(state.severity(), IncidentStatus.RESOLVED, null, e.rcaDueAt(),
                    false);
            case IncidentReopened e -> state.next(state.severity(), IncidentStatus.INVESTIGATING,
                    e.nextUpdateDueAt(), null, false);
            case RcaPublished e -> CorrectiveActions.track(state.next(state.severity(), state.status(),
                    state.nextUpdateDueAt(), state.rcaDueAt(), true), e.correctiveActions());
            case CustomerReportLinked ignored -> unchanged(state);
            case CorrectiveActionCompleted e -> CorrectiveActions.settle(unchanged(state), e.actionId(),
                    TrackedAction.State.COMPLETED);
            case CorrectiveActionDeclined e -> CorrectiveActions.settle(unchanged(state), e.actionId(),
                    TrackedAction.State.DECLINED);
            case CorrectiveActionRescheduled e -> CorrectiveActions.reschedule(unchanged(state), e.actionId(),
                    e.dueAt());
        };
    }

    private static Incident unchanged(Incident state) {
        return state.next(state.severity(), state.status(), state.nextUpdateDueAt(), state.rcaDueAt(),
                state.rcaPublished());
    }

    private Decision<IncidentEvent> declare(DeclareIncident c, Instant now) {
        Duration cadence = policy.cadenceOf(c.severity());
        return Decision.accept(new IncidentDeclared(c.title(), c.severity(), c.summary(), c.components(),
                c.commander(), c.detectedAt() == null ? now : c.detectedAt(), c.dedupKey(), c.source(),
                now.plus(cadence), cadence, c.alerts()));
    }

    private Decision<IncidentEvent> postUpdate(PostUpdate c, Incident state, Instant now) {
        if (state.isResolved()) {
            return Decision.reject(Rejection.conflict("The incident is resolved; reopen it to post updates."));
        }
        Duration cadence = policy.cadenceOf(state.severity());
        if (c.audience() == Audience.INTERNAL) {
            return Decision.accept(new UpdatePosted(c.status(), c.message(), c.audience(), state.nextUpdateDueAt(),
                    cadence));
        }
        Instant latestAllowed = now.plus(cadence);
        Instant promised = c.nextUpdateAt() == null ? latestAllowed : c.nextUpdateAt();
        if (!promised.isAfter(now)) {
            return Decision.reject(Rejection.invalid("nextUpdateAt",
                    "nextUpdateAt must be in the future (now is " + now + ")."));
        }
        if (promised.isAfter(latestAllowed)) {
            return Decision.reject(Rejection.invalid("nextUpdateAt", "A " + state.severity()
                    + " incident is updated at least every " + cadence.toMinutes()
                    + " minutes: nextUpdateAt must be no later than " + latestAllowed + "."));
        }
        return Decision.accept(new UpdatePosted(c.status(), c.message(), c.audience(), promised, cadence));
    }

    private Decision<IncidentEvent> changeSeverity(ChangeSeverity c, Incident state, Instant now) {
        if (state.isResolved()) {
            return Decision.reject(Rejection.conflict("The incident is resolved; reopen it to change its severity."));
        }
        if (c.severity() == state.severity()) {
            return Decision.reject(Rejection.conflict("The incident is already " + state.severity() + "."));
        }
        return Decision.accept(severityChanged(state, c.severity(), c.reason(), now));
    }

    /** Raising severity tightens the deadline to the new cadence if that comes sooner; lowering keeps it. */
    private SeverityChanged severityChanged(Incident state, Severity to, String reason, Instant now) {
        Duration cadence = policy.cadenceOf(to);
        Instant tightest = now.plus(cadence);
        Instant deadline = to.isHigherThan(state.severity()) && tightest.isBefore(state.nextUpdateDueAt())
                ? tightest
                : state.nextUpdateDueAt();
        return new SeverityChanged(state.severity(), to, reason, deadline, cadence);
    }

    private Decision<IncidentEvent> resolve(ResolveIncident c, Incident state, Instant now) {
        if (state.isResolved()) {
            return Decision.reject(Rejection.conflict("The incident is already resolved."));
        }
        Duration window = policy.rcaWindowOf(state.severity());
        Instant latestAllowed = now.plus(window);
        if (!c.rcaDueAt().isAfter(now)) {
            return Decision.reject(Rejection.invalid("rcaDueAt", "rcaDueAt must be in the future (now is " + now + ")."));
        }
        if (c.rcaDueAt().isAfter(latestAllowed)) {
            return Decision.reject(Rejection.invalid("rcaDueAt", "The RCA of a " + state.severity()
                    + " incident is due within " + window.toDays() + " days: rcaDueAt must be no later than "
                    + latestAllowed + "."));
        }
        return Decision.accept(new IncidentResolved(c.message(), c.rcaDueAt(), c.rcaOwner(), window));
    }

    private Decision<IncidentEvent> reopen(ReopenIncident c, Incident state, Instant now) {
        if (!state.isResolved()) {
            return Decision.reject(Rejection.conflict("Only a resolved incident can be reopened."));
        }
        Duration cadence = policy.cadenceOf(state.severity());
        return Decision.accept(new IncidentReopened(c.reason(), now.plus(cadence), cadence));
    }

    /** Each action gets the next id of the incident, and the RCA window's end as due date unless it names one. */
    private Decision<IncidentEvent> publishRca(PublishRca c, Incident state, Instant now) {
        if (!state.isResolved()) {
            return Decision.reject(Rejection.conflict("The RCA is published after the incident is resolved."));
        }
        if (state.rcaPublished()) {
            return Decision.reject(Rejection.conflict("The RCA of this incident is already published."));
        }
        Instant windowEnd = now.plus(policy.rcaWindowOf(state.severity()));
        int known = state.correctiveActions().size();
        List<CorrectiveAction> stamped = new ArrayList<>();
        for (CorrectiveAction action : c.correctiveActions()) {
            stamped.add(action.stamped(CorrectiveAction.idOf(known + stamped.size() + 1), windowEnd));
        }
        return Decision.accept(new RcaPublished(c.rootCause(), stamped, c.thirdParty()));
    }
}
