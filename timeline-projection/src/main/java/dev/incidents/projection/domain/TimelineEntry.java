package dev.incidents.projection.domain;

import java.time.Instant;

/**
 * One line of an incident's timeline.
 *
 * @param kind   a {@link TimelineKind}'s stored name
 * @param status the incident's status once this event applied (older stored entries: null)
 */
public record TimelineEntry(long sequence, String kind, Instant at, String actor, boolean isPublic, String text,
                            Status status) {
}
