package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.IncidentEvent;

import java.time.Instant;

/** A domain event with its place in the incident's log. */
public record RecordedEvent(String eventId, String incidentId, long sequence, Instant occurredAt, Actor actor,
                            String causingCommandId, IncidentEvent payload) {
}
