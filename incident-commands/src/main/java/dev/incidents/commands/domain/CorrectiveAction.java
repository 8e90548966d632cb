package dev.incidents.commands.domain;

import java.time.Instant;

/**
 * A change of our own that keeps the incident from happening again. In a {@code PublishRca} command {@code id} is
 * null and {@code dueAt} optional; in the {@code RcaPublished} event the decider has stamped both, so the action can
 * be completed, declined or rescheduled by its id and its due date can be watched.
 */
public record CorrectiveAction(String id, String description, String owner, Instant dueAt) {

    public CorrectiveAction(String description, String owner, Instant dueAt) {
        this(null, description, owner, dueAt);
    }

    /** The id of the n-th action (from 1) an incident's RCAs have named: stable, short, readable aloud. */
    public static String idOf(int number) {
        return "CA-" + number;
    }

    CorrectiveAction stamped(String stampedId, Instant stampedDueAt) {
        return new CorrectiveAction(stampedId, description, owner, dueAt == null ? stampedDueAt : dueAt);
    }
}
