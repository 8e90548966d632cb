package dev.incidents.notifier.domain;

/**
 * Turns what happened to a maintenance window into the notice to send, keeping the window's brief up to date on the
 * way. Pure: given the same brief and happening it always plans the same notice, whose id derives from the
 * happening's. A detection that no longer fits the window (it is over, it started already, its start or end moved)
 * is told to nobody: the detections topic and the events topic are read side by side, so a reminder planned before
 * a cancellation can arrive after it.
 */
public final class MaintenanceNoticePlanner {

    private MaintenanceNoticePlanner() {
    }

    /** The window's brief after the happening, and the notice to send about it, if any. */
    public static Planned<MaintenanceBrief> plan(MaintenanceBrief before, MaintenanceHappening happening) {
        MaintenanceBrief brief = before != null ? before : MaintenanceBrief.unknown(happening.maintenanceId());
        return switch (happening) {
            case MaintenanceHappening.Scheduled s -> told(new MaintenanceBrief(s.maintenanceId(), s.plan().title(),
                            s.plan().components(), s.plan().startsAt(), s.plan().endsAt(), s.audience(),
                            MaintenanceBrief.Status.SCHEDULED, s.scheduledBy(), 0, null),
                    happening, MessageKind.MAINTENANCE_SCHEDULED, s.plan().description(), false);
            case MaintenanceHappening.Updated u -> told(brief.replanned(u.plan().title(), u.plan().components(),
                            u.plan().startsAt(), u.plan().endsAt()),
                    happening, MessageKind.MAINTENANCE_UPDATED, u.message(), true);
            case MaintenanceHappening.Started s -> told(brief.started(), happening, MessageKind.MAINTENANCE_STARTED,
                    s.message(), false);
            case MaintenanceHappening.Completed c -> told(brief.ended(MaintenanceBrief.Status.COMPLETED, c.at()),
                    happening, MessageKind.MAINTENANCE_COMPLETED, c.message(), true);
            case MaintenanceHappening.Cancelled c -> told(brief.ended(MaintenanceBrief.Status.CANCELLED, c.at()),
                    happening, MessageKind.MAINTENANCE_CANCELLED, c.reason(), true);
            case MaintenanceHappening.Detected d -> detected(brief, d);
            case MaintenanceHappening.Unannounced ignored -> Planned.silently(brief);
        };
    }

    /**
     * A step told with the window as it now stands. A step that may settle an overrun (a new plan, the end) is told
     * with how far the overrun's alert climbed, to reach everyone alerted, and the climb then starts from nothing.
     */
    private static Planned<MaintenanceBrief> told(MaintenanceBrief after, MaintenanceHappening happening,
                                                  MessageKind kind, String text, boolean settlesOverrun) {
        Notice notice = new Notice(happening.sourceId(), kind, after, happening.at(),
                new NoticeDetail.MaintenanceStep(text));
        return Planned.telling(settlesOverrun ? after.escalatedTo(0) : after, notice);
    }

    private static Planned<MaintenanceBrief> detected(MaintenanceBrief brief, MaintenanceHappening.Detected d) {
        if (!stillFits(brief, d)) {
            return Planned.silently(brief);
        }
        MaintenanceBrief after = d.kind() == MessageKind.MAINTENANCE_OVERRUN
                ? brief.escalatedTo(Math.max(brief.escalatedTo(), d.repeat())) : brief;
        return Planned.telling(after, new Notice(d.sourceId(), d.kind(), after, d.at(),
                new NoticeDetail.DeadlineAlert(d.deadline(), d.lateBy(), d.repeat())));
    }

    /** Whether the window still has the start or end the detection is about, in the status it needs. */
    private static boolean stillFits(MaintenanceBrief brief, MaintenanceHappening.Detected d) {
        if (brief.startsAt() == null) {
            return true;
        }
        return switch (d.kind()) {
            case MAINTENANCE_STARTING_SOON, MAINTENANCE_DUE_TO_START ->
                    brief.status() == MaintenanceBrief.Status.SCHEDULED && d.deadline().equals(brief.startsAt());
            case MAINTENANCE_OVERRUN ->
                    brief.endedAt() == null && d.deadline().equals(brief.endsAt());
            default -> throw new IllegalArgumentException("Not a maintenance detection: " + d.kind());
        };
    }
}
