package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What a message needs to say about its incident, kept by the notifier from the events it reads: title, severity,
 * status, components, commander, the next promised update and the RCA due date, and how far the current broken
 * promise has been escalated (so the clearing message reaches everyone who was alerted), and when the RCA of the
 * resolved incident was published (after which, and a grace, the brief may be forgotten).
 */
public record IncidentBrief(String incidentId, String title, Severity severity, String status,
                            Set<String> components, String commander, boolean open, Instant nextUpdateDueAt,
                            Instant rcaDueAt, int escalatedTo, Instant rcaPublishedAt) implements NoticeSubject {

    public IncidentBrief {
        components = components == null ? Set.of() : Set.copyOf(components);
    }

    @Override
    public String id() {
        return incidentId;
    }

    @Override
    public String lead() {
        return commander;
    }

    /** An incident is news to its customers as soon as it is declared; what of it they hear is up to the kind. */
    @Override
    public boolean mayBePublic() {
        return true;
    }

    public IncidentBrief withStatus(String newStatus, Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, severity, newStatus, components, commander, open, nextUpdate,
                rcaDueAt, escalatedTo, rcaPublishedAt);
    }

    public IncidentBrief withSeverity(Severity newSeverity, Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, newSeverity, status, components, commander, open, nextUpdate,
                rcaDueAt, escalatedTo, rcaPublishedAt);
    }

    public IncidentBrief resolved(Instant rcaDue) {
        return new IncidentBrief(incidentId, title, severity, "RESOLVED", components, commander, false, null, rcaDue,
                escalatedTo, rcaPublishedAt);
    }

    public IncidentBrief reopened(Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, severity, "INVESTIGATING", components, commander, true,
                nextUpdate, null, escalatedTo, null);
    }

    public IncidentBrief escalatedTo(int repeat) {
        return new IncidentBrief(incidentId, title, severity, status, components, commander, open, nextUpdateDueAt,
                rcaDueAt, repeat, rcaPublishedAt);
    }

    public IncidentBrief rcaPublished(Instant at) {
        return new IncidentBrief(incidentId, title, severity, status, components, commander, open, nextUpdateDueAt,
                rcaDueAt, escalatedTo, at);
    }

    /** Whether nothing more is expected of it: resolved, and its RCA published before {@code cutoff}. */
    public boolean settledBefore(Instant cutoff) {
        return !open && rcaPublishedAt != null && rcaPublishedAt.isBefore(cutoff);
    }
}
