package dev.incidents.projection.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What customers may read of one incident. Built from its state and the public lines of its timeline only, so
 * internal updates, severity reasons, customer reports and the commander's name never reach a public page.
 *
 * @param nextUpdateDueAt the promised next public update while open, else null
 * @param rca             the published cause and corrective action report, or null while it is still owed
 * @param correctiveActions with a published report, how each of its corrective actions stands (no owner, no note:
 *                        those are the team's own business), else empty
 * @param impact          when it affected its components at which severity: what the components' uptime is reckoned
 *                        from
 */
public record PublicIncident(String incidentId, String title, Severity severity, Status status,
                             List<String> components, Instant declaredAt, Instant updatedAt, Instant resolvedAt,
                             Instant nextUpdateDueAt, Instant rcaDueAt, Instant rcaPublishedAt, String rca,
                             List<PublicUpdate> updates, List<PublicAction> correctiveActions,
                             List<ImpactPeriod> impact) {

    public PublicIncident {
        impact = impact == null ? List.of() : List.copyOf(impact);
        components = List.copyOf(components);
        updates = List.copyOf(updates);
        correctiveActions = List.copyOf(correctiveActions);
    }

    /** This incident without the components the public does not see. */
    public PublicIncident hiding(Set<String> unlisted) {
        if (components.stream().noneMatch(unlisted::contains)) {
            return this;
        }
        return new PublicIncident(incidentId, title, severity, status,
                components.stream().filter(id -> !unlisted.contains(id)).toList(), declaredAt, updatedAt, resolvedAt,
                nextUpdateDueAt, rcaDueAt, rcaPublishedAt, rca, updates, correctiveActions, impact);
    }

    /** A corrective action as customers may read it: what, by when, and whether it is done. */
    public record PublicAction(String id, String description, CorrectiveActionView.State state, Instant dueAt,
                               Instant completedAt) {

        static PublicAction of(CorrectiveActionView action) {
            return new PublicAction(action.id(), action.description(), action.state(), action.dueAt(),
                    action.state() == CorrectiveActionView.State.COMPLETED ? action.settledAt() : null);
        }
    }

    /** One public word on the incident, with the status it left the incident in. */
    public record PublicUpdate(long sequence, Instant at, Status status, String text) {
    }

    public static PublicIncident of(IncidentView view, List<TimelineEntry> timeline) {
        List<TimelineEntry> published = timeline.stream().filter(TimelineEntry::isPublic).toList();
        List<PublicUpdate> updates = published.stream().filter(entry -> !TimelineKind.RCA_PUBLISHED.is(entry))
                .map(entry -> new PublicUpdate(entry.sequence(), entry.at(),
                        entry.status() == null ? view.status() : entry.status(), entry.text()))
                .toList();
        String rca = view.rcaPublishedAt() == null ? null : published.stream()
                .filter(TimelineKind.RCA_PUBLISHED::is).reduce((first, second) -> second)
                .map(TimelineEntry::text).orElse(null);
        Instant updatedAt = published.isEmpty() ? view.declaredAt() : published.get(published.size() - 1).at();
        // An internal update may move the status; customers see the status their last public word gave.
        Status status = updates.isEmpty() ? view.status() : updates.get(updates.size() - 1).status();
        return new PublicIncident(view.incidentId(), view.title(), view.severity(), status,
                view.components(), view.declaredAt(), updatedAt, view.resolvedAt(),
                view.open() ? view.nextUpdateDueAt() : null, view.rcaDueAt(), view.rcaPublishedAt(), rca, updates,
                rca == null ? List.of() : view.correctiveActions().stream().map(PublicAction::of).toList(),
                ImpactHistory.of(view));
    }

    public boolean open() {
        return resolvedAt == null;
    }
}
