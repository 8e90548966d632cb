package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.MaintenanceCommand;

/** A maintenance command with what travels around it: ids, issuer, optimistic-concurrency and idempotency data. */
public record MaintenanceEnvelope(String commandId, String maintenanceId, Actor actor, Long expectedVersion,
                                  String requestFingerprint, MaintenanceCommand command) {
}
