package dev.incidents.notifier.domain;

import java.time.Instant;

/**
 * Where the delivery of one message stands: the delivery ledger's entry for it (of its message's {@code incidentId}
 * and {@code maintenanceId} one is set, or neither for a request to confirm an email address).
 */
public record Delivery(String messageId, String subscriptionId, String incidentId, String maintenanceId,
                       MessageKind kind, Status status,
                       int attempts, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                       int lastHttpStatus, Instant updatedAt) {

    /** RETRYING waits for its next attempt; the others are settled and are never attempted again by themselves. */
    public enum Status { RETRYING, DELIVERED, FAILED, CANCELLED }

    public boolean settled() {
        return status != Status.RETRYING;
    }
}
