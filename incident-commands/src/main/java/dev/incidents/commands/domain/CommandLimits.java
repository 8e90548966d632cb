package dev.incidents.commands.domain;

/** Sizes of free-text inputs, shared by the HTTP edge (early 4xx) and the decider (commands from Kafka). */
public final class CommandLimits {
    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 2000;
    public static final int MESSAGE_MAX = 5000;
    public static final int REASON_MAX = 2000;
    public static final int NAME_MAX = 200;
    public static final int DEDUP_KEY_MAX = 255;
    public static final int ROOT_CAUSE_MAX = 10000;
    public static final int CORRECTIVE_ACTIONS_MAX = 50;
    /** Alerts in one monitor's report (Alertmanager's max_alerts truncates a group's list beyond its setting). */
    public static final int ALERTS_MAX = 200;

    private CommandLimits() {
    }
}
