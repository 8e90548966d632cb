package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.IncidentCommand;

/** A domain command with what travels around it: ids, issuer, optimistic-concurrency and idempotency data. */
public record CommandEnvelope(String commandId, String incidentId, Actor actor, Long expectedVersion,
                              String requestFingerprint, IncidentCommand command) {
}
