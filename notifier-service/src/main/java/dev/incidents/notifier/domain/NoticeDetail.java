package dev.incidents.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a message says beyond its incident, one shape per kind of happening. */
public sealed interface NoticeDetail {

    record Declared(String summary, Instant nextUpdateAt) implements NoticeDetail {
    }

    record Updated(String status, String message, Instant nextUpdateAt) implements NoticeDetail {
    }

    record SeverityChanged(Severity from, Severity to, String reason, Instant nextUpdateAt) implements NoticeDetail {
    }

    record Resolved(String message, Instant rcaDueAt) implements NoticeDetail {
    }

    record Reopened(String reason, Instant nextUpdateAt) implements NoticeDetail {
    }

    /** {@code thirdParty} is null when no vendor was involved; the corrective actions are always our own. */
    record RcaPublished(String rootCause, List<CorrectiveAction> correctiveActions, String thirdParty)
            implements NoticeDetail {
        public RcaPublished {
            correctiveActions = List.copyOf(correctiveActions);
        }
    }

    /** An alert reported again while what it is about stays unsettled: how many times again, 0 the first. */
    sealed interface RepeatedAlert extends NoticeDetail {
        int repeat();
    }

    /** A deadline that is close, missed, still missed ({@code repeat} 1, 2, ...) or met at last. */
    record DeadlineAlert(Instant deadline, Duration lateBy, int repeat) implements RepeatedAlert {
    }

    /** A corrective action about to be due, or still open past its due date (reported again: repeat 1, 2, ...). */
    record ActionAlert(String actionId, String description, String owner, Instant dueAt, Duration lateBy, int repeat)
            implements RepeatedAlert {
    }

    record CorrectiveAction(String description, String owner, Instant dueAt) {
    }

    /**
     * A step of a maintenance window (scheduled, plan updated, started, completed, cancelled) and what it says to
     * the window's audience: the description, the update's or the step's message, the reason to cancel; null when
     * an update only changed the plan. The window's times are its brief's.
     */
    record MaintenanceStep(String text) implements NoticeDetail {
    }
}
