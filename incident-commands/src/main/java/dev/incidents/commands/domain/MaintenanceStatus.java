package dev.incidents.commands.domain;

/** Where a maintenance window is in its life: planned, under way, or over (done or called off). */
public enum MaintenanceStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    public boolean isOver() {
        return this == COMPLETED || this == CANCELLED;
    }
}
