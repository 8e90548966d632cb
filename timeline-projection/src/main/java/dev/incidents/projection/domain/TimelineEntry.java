package dev.incidents.projection.domain;

import java.time.Instant;

/** One line of an incident's timeline. */
public record TimelineEntry(long sequence, String kind, Instant at, String actor, boolean isPublic, String text) {
}
