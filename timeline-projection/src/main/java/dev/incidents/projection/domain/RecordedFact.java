package dev.incidents.projection.domain;

import java.time.Instant;

/** A fact with its place in the incident's log. */
public record RecordedFact(String incidentId, long sequence, Instant occurredAt, String actor, Fact fact) {
}
