package dev.incidents.projection.domain;

import java.time.Instant;

/**
 * A wall-clock moment at which a detection is due for one incident's deadline, for the due date of one of its
 * corrective actions ({@code actionId}; null for the incident's own deadlines), or for a maintenance window's start
 * or end. {@code subjectId} is the incident's or the window's id.
 */
public record Timer(Instant dueAt, String subjectId, Kind kind, Instant deadline, String actionId) {

    public Timer(Instant dueAt, String subjectId, Kind kind, Instant deadline) {
        this(dueAt, subjectId, kind, deadline, null);
    }

    /** Each kind's code is part of the timer store's keys: stored data, never renumber one. */
    public enum Kind {
        DUE_SOON(0), OVERDUE(1), STILL_OVERDUE(2), RCA_OVERDUE(3), ACTION_DUE_SOON(4), ACTION_OVERDUE(5),
        MAINTENANCE_STARTING_SOON(6), MAINTENANCE_DUE_TO_START(7), MAINTENANCE_OVERRUN(8);

        private final byte storedCode;

        Kind(int storedCode) {
            this.storedCode = (byte) storedCode;
        }

        public byte storedCode() {
            return storedCode;
        }

        public static Kind ofStoredCode(byte code) {
            for (Kind kind : values()) {
                if (kind.storedCode == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("No timer kind is stored as " + code);
        }
    }
}
