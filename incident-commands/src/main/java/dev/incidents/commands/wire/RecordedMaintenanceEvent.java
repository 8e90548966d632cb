package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.MaintenanceEvent;

import java.time.Instant;

/** A maintenance event with its place in the window's log. */
public record RecordedMaintenanceEvent(String eventId, String maintenanceId, long sequence, Instant occurredAt,
                                       Actor actor, String causingCommandId, MaintenanceEvent payload) {
}
