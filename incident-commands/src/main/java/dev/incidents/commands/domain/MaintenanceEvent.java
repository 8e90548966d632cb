package dev.incidents.commands.domain;

/** Facts in a maintenance window's life; the schedule and every update carry the whole plan after them. */
public sealed interface MaintenanceEvent {

    record MaintenanceScheduled(MaintenancePlan plan, Audience audience) implements MaintenanceEvent {
    }

    /** @param message what the update said, or null when it only changed the plan */
    record MaintenanceUpdated(String message, MaintenancePlan plan) implements MaintenanceEvent {
    }

    record MaintenanceStarted(String message) implements MaintenanceEvent {
    }

    record MaintenanceCompleted(String message) implements MaintenanceEvent {
    }

    record MaintenanceCancelled(String reason) implements MaintenanceEvent {
    }
}
