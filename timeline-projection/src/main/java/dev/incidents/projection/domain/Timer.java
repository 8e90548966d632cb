package dev.incidents.projection.domain;

import java.time.Instant;

/**
 * A wall-clock moment at which a detection is due for one incident's deadline, or for the due date of one of its
 * corrective actions ({@code actionId}; null for the incident's own deadlines).
 */
public record Timer(Instant dueAt, String incidentId, Kind kind, Instant deadline, String actionId) {

    public Timer(Instant dueAt, String incidentId, Kind kind, Instant deadline) {
        this(dueAt, incidentId, kind, deadline, null);
    }

    /** Each kind's code is part of the timer store's keys: stored data, never renumber one. */
    public enum Kind {
        DUE_SOON(0), OVERDUE(1), STILL_OVERDUE(2), RCA_OVERDUE(3), ACTION_DUE_SOON(4), ACTION_OVERDUE(5);

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
