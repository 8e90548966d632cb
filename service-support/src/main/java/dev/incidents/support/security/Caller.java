package dev.incidents.support.security;

import java.util.Objects;

/**
 * Who sent a request, read off its verified token and nothing else (no header can change it).
 *
 * @param subject the token's subject, stable across renames: what idempotency keys are scoped to
 * @param actorId the name recorded as the actor
 * @param machine true for a client-credentials token (a monitor, an alerting service), false for a person
 */
public record Caller(String subject, String actorId, boolean machine) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actorId, "actorId");
    }
}
