package dev.incidents.projection.domain;

import java.time.Instant;

/** A wall-clock moment at which a detection is due for one incident's deadline. */
public record Timer(Instant dueAt, String incidentId, Kind kind, Instant deadline) {

    public enum Kind { DUE_SOON, OVERDUE, STILL_OVERDUE, RCA_OVERDUE }
}
