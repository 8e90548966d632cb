package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What a message needs to say about its incident, kept by the notifier from the events it reads: title, severity,
 * status, components, commander, the next promised update and the RCA due date, and how far the current broken
 * promise has been escalated (so the clearing message reaches everyone who was alerted).
 */
public record IncidentBrief(String incidentId, String title, Severity severity, String status,
                            Set<String> components, String commander, boolean open, Instant nextUpdateDueAt,
                            Instant rcaDueAt, int escalatedTo) {

    public IncidentBrief {
        components = components == null ? Set.of() : Set.copyOf(components);
    }

    public IncidentBrief withStatus(String newStatus, Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, severity, newStatus, components, commander, open, nextUpdate,
                rcaDueAt, escalatedTo);
    }

    public IncidentBrief withSeverity(Severity newSeverity, Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, newSeverity, status, components, commander, open, nextUpdate,
                rcaDueAt, escalatedTo);
    }

    public IncidentBrief resolved(Instant rcaDue) {
        return new IncidentBrief(incidentId, title, severity, "RESOLVED", components, commander, false, null, rcaDue,
                escalatedTo);
    }

    public IncidentBrief reopened(Instant nextUpdate) {
        return new IncidentBrief(incidentId, title, severity, "INVESTIGATING", components, commander, true,
                nextUpdate, null, escalatedTo);
    }

    public IncidentBrief escalatedTo(int repeat) {
        return new IncidentBrief(incidentId, title, severity, status, components, commander, open, nextUpdateDueAt,
                rcaDueAt, repeat);
    }
}
