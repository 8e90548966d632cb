package dev.incidents.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the notifier reads about a maintenance window, in its own terms: one of its events, or a detection of the
 * projection's timing. {@code sourceId} is the event or detection id, stable across redelivery and rebuilds.
 */
public sealed interface MaintenanceHappening {

    String sourceId();

    String maintenanceId();

    Instant at();

    /** The window as planned, by a schedule or an update: every plan event carries all of it. */
    record Plan(String title, String description, Set<String> components, Instant startsAt, Instant endsAt) {
        public Plan {
            components = Set.copyOf(components);
        }
    }

    record Scheduled(String sourceId, String maintenanceId, Instant at, String scheduledBy, Plan plan,
                     Audience audience) implements MaintenanceHappening {
    }

    /** {@code message} is what the update said, null when it only changed the plan. */
    record Updated(String sourceId, String maintenanceId, Instant at, Plan plan, String message)
            implements MaintenanceHappening {
    }

    record Started(String sourceId, String maintenanceId, Instant at, String message) implements MaintenanceHappening {
    }

    record Completed(String sourceId, String maintenanceId, Instant at, String message)
            implements MaintenanceHappening {
    }

    record Cancelled(String sourceId, String maintenanceId, Instant at, String reason)
            implements MaintenanceHappening {
    }

    /**
     * A detection: {@code kind} is MAINTENANCE_STARTING_SOON, _DUE_TO_START or _OVERRUN; {@code deadline} the start
     * or the end it is about; {@code repeat} how many times an overrun was reported again.
     */
    record Detected(String sourceId, String maintenanceId, Instant at, MessageKind kind, Instant deadline,
                    Duration lateBy, int repeat) implements MaintenanceHappening {
    }

    /** An event of a kind this notifier does not know (added to the contract later): nobody is told. */
    record Unannounced(String sourceId, String maintenanceId, Instant at) implements MaintenanceHappening {
    }
}
