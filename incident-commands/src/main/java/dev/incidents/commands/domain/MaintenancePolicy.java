package dev.incidents.commands.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Bounds of a maintenance window's plan.
 *
 * @param earliestTime   the earliest time a command may name
 * @param maxComponents  the most components one window may name
 * @param longestWindow  the longest a window may last; a longer one is an outage by another name, or a typo
 * @param furthestAhead  how far ahead a window may be scheduled
 */
public record MaintenancePolicy(Instant earliestTime, int maxComponents, Duration longestWindow,
                                Duration furthestAhead) {
}
