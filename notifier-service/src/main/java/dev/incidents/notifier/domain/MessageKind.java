package dev.incidents.notifier.domain;

/**
 * Every kind of message the notifier sends, and whether a PUBLIC subscriber may ever see it. All but the last tell
 * of an incident; CONFIRMATION_REQUESTED asks an email recipient to confirm the address, and is no filter choice.
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
    CONFIRMATION_REQUESTED(false);

    private final boolean isPublic;

    MessageKind(boolean isPublic) {
        this.isPublic = isPublic;
    }

    public boolean isPublic() {
        return isPublic;
    }
}
