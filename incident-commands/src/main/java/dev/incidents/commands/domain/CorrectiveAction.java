package dev.incidents.commands.domain;

import java.time.Instant;

/** A change of our own that keeps the incident from happening again; dueAt is optional. */
public record CorrectiveAction(String description, String owner, Instant dueAt) {
}
