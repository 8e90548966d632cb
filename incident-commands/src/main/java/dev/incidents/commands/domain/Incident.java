package dev.incidents.commands.domain;

import java.time.Instant;

/**
 * What the decider needs to know about one incident to judge the next command; built only by
 * {@link IncidentDecider#evolve}. {@code version} is the sequence of the last event applied.
 */
public record Incident(String id, long version, Severity severity, IncidentStatus status,
                       Instant nextUpdateDueAt, String dedupKey, Instant rcaDueAt, boolean rcaPublished) {

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }

    Incident next(Severity severity, IncidentStatus status, Instant nextUpdateDueAt, Instant rcaDueAt,
                  boolean rcaPublished) {
        return new Incident(id, version + 1, severity, status, nextUpdateDueAt, dedupKey, rcaDueAt, rcaPublished);
    }
}
