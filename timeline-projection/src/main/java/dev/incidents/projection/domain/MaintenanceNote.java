package dev.incidents.projection.domain;

import java.time.Instant;

/** One line of a maintenance window's story: what happened when, and what was said (null: nothing). */
public record MaintenanceNote(Instant at, MaintenanceStatus status, String message) {
}
