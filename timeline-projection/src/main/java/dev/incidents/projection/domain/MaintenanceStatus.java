package dev.incidents.projection.domain;

/** Where a maintenance window is: planned, under way, or over (done or called off). */
public enum MaintenanceStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    public boolean isOver() {
        return this == COMPLETED || this == CANCELLED;
    }
}
