package dev.incidents.projection.domain;

/**
 * The kind of a timeline line. Its stored name is data (kept in the timeline store, answered by the API, read by
 * the pages), so it is spelled out here and never derived from a class name: renaming a fact changes nothing stored.
 */
public enum TimelineKind {
    DECLARED("Declared"),
    UPDATE_POSTED("UpdatePosted"),
    SEVERITY_CHANGED("SeverityChanged"),
    RESOLVED("Resolved"),
    REOPENED("Reopened"),
    RCA_PUBLISHED("RcaPublished"),
    CUSTOMER_REPORT_LINKED("CustomerReportLinked"),
    CORRECTIVE_ACTION_COMPLETED("CorrectiveActionCompleted"),
    CORRECTIVE_ACTION_DECLINED("CorrectiveActionDeclined"),
    CORRECTIVE_ACTION_RESCHEDULED("CorrectiveActionRescheduled");

    private final String storedName;

    TimelineKind(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    public boolean is(TimelineEntry entry) {
        return storedName.equals(entry.kind());
    }

    public static TimelineKind of(Fact fact) {
        return switch (fact) {
            case Fact.Declared ignored -> DECLARED;
            case Fact.UpdatePosted ignored -> UPDATE_POSTED;
            case Fact.SeverityChanged ignored -> SEVERITY_CHANGED;
            case Fact.Resolved ignored -> RESOLVED;
            case Fact.Reopened ignored -> REOPENED;
            case Fact.RcaPublished ignored -> RCA_PUBLISHED;
            case Fact.CustomerReportLinked ignored -> CUSTOMER_REPORT_LINKED;
            case Fact.CorrectiveActionCompleted ignored -> CORRECTIVE_ACTION_COMPLETED;
            case Fact.CorrectiveActionDeclined ignored -> CORRECTIVE_ACTION_DECLINED;
            case Fact.CorrectiveActionRescheduled ignored -> CORRECTIVE_ACTION_RESCHEDULED;
        };
    }
}
