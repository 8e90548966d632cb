package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the projection needs from each kind of incident event: a reading of the event contract, mapped from Avro at
 * the edge, holding only what state, timelines and detections use.
 */
public sealed interface Fact {

    /** Text for the incident's timeline. */
    String text();

    /** Whether customers may read it: the status page and the public feed show only these. */
    boolean isPublic();

    record Declared(String title, Severity severity, String summary, List<String> components, String commander,
                    Instant detectedAt, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        public Declared {
            components = List.copyOf(components);
        }

        @Override
        public String text() {
            return title + ": " + summary;
        }

        @Override
        public boolean isPublic() {
            return true;
        }
    }

    record UpdatePosted(Status status, boolean isPublic, String message, Instant nextUpdateDueAt, Duration cadence)
            implements Fact {
        @Override
        public String text() {
            return message;
        }
    }

    record SeverityChanged(Severity to, String reason, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        @Override
        public String text() {
            return "Severity " + to + ": " + reason;
        }

        @Override
        public boolean isPublic() {
            return false;
        }
    }

    record Resolved(String message, Instant rcaDueAt) implements Fact {
        @Override
        public String text() {
            return message;
        }

        @Override
        public boolean isPublic() {
            return true;
        }
    }

    record Reopened(String reason, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        @Override
        public String text() {
            return reason;
        }

        @Override
        public boolean isPublic() {
            return true;
        }
    }

    /** A corrective action as an RCA named it; the id and due date are missing only in events written before. */
    record ActionPlan(String id, String description, String owner, Instant dueAt) {
    }

    /**
     * @param thirdParty the vendor involved and what happened there, or null; it never replaces our own
     *                   corrective actions
     */
    record RcaPublished(String rootCause, List<ActionPlan> correctiveActions, String thirdParty) implements Fact {
        public RcaPublished {
            correctiveActions = List.copyOf(correctiveActions);
        }

        /** The report as one text: root cause, the vendor involved if any, then our corrective actions. */
        @Override
        public String text() {
            StringBuilder text = new StringBuilder("Root cause: ").append(rootCause);
            if (thirdParty != null) {
                text.append("\nThird party involved: ").append(thirdParty);
            }
            text.append("\nOur corrective actions:");
            correctiveActions.forEach(action -> text.append("\n- ").append(action.description()));
            return text.toString();
        }

        @Override
        public boolean isPublic() {
            return true;
        }
    }

    record CustomerReportLinked(Instant receivedAt, String channel) implements Fact {
        @Override
        public String text() {
            return "Customer report via " + channel;
        }

        @Override
        public boolean isPublic() {
            return false;
        }
    }

    /** The follow-through of an RCA is the team's own business: its lines are internal. */
    sealed interface ActionFollowUp extends Fact {
        String actionId();

        @Override
        default boolean isPublic() {
            return false;
        }
    }

    /** @param dueAt the due date in force when it was completed (missing: the view's) */
    record CorrectiveActionCompleted(String actionId, String note, Instant dueAt) implements ActionFollowUp {
        @Override
        public String text() {
            return "Corrective action " + actionId + " completed: " + note;
        }
    }

    record CorrectiveActionDeclined(String actionId, String reason) implements ActionFollowUp {
        @Override
        public String text() {
            return "Corrective action " + actionId + " declined: " + reason;
        }
    }

    record CorrectiveActionRescheduled(String actionId, Instant previousDueAt, Instant dueAt, String reason)
            implements ActionFollowUp {
        @Override
        public String text() {
            return "Corrective action " + actionId + " now due " + dueAt + ": " + reason;
        }
    }
}
