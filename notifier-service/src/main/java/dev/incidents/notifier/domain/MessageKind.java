package dev.incidents.notifier.domain;

/**
 * Every kind of message the notifier sends, and whether a PUBLIC subscriber may ever see it (of a maintenance window:
 * only of a PUBLIC one). The MAINTENANCE_ kinds tell of a maintenance window, the others of an incident, but
 * CONFIRMATION_REQUESTED, which asks an email recipient to confirm the address and is no filter choice.
 */
public enum MessageKind {
    DECLARED(true),
    PUBLIC_UPDATE(true),
    INTERNAL_UPDATE(false),
    SEVERITY_CHANGED(false),
    RESOLVED(true),
    REOPENED(true),
    RCA_PUBLISHED(true),
    UPDATE_DUE_SOON(false),
    UPDATE_OVERDUE(false),
    UPDATE_STILL_OVERDUE(false),
    UPDATE_OVERDUE_CLEARED(false),
    RCA_OVERDUE(false),
    CORRECTIVE_ACTION_DUE_SOON(false),
    CORRECTIVE_ACTION_OVERDUE(false),
    MAINTENANCE_SCHEDULED(true),
    MAINTENANCE_UPDATED(true),
    /** The reminder, a lead before the window starts. */
    MAINTENANCE_STARTING_SOON(true),
    MAINTENANCE_STARTED(true),
    MAINTENANCE_COMPLETED(true),
    MAINTENANCE_CANCELLED(true),
    MAINTENANCE_DUE_TO_START(false),
    MAINTENANCE_OVERRUN(false),
    CONFIRMATION_REQUESTED(false);

    private final boolean isPublic;

    MessageKind(boolean isPublic) {
        this.isPublic = isPublic;
    }

    public boolean isPublic() {
        return isPublic;
    }
}
