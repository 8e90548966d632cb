package dev.incidents.projection.domain;

import java.time.Instant;
import java.util.List;

/** Facts of a maintenance window's life, as the projection reads them from maintenance-events. */
public sealed interface MaintenanceFact {

    record Scheduled(String title, String description, List<String> components, Instant startsAt, Instant endsAt,
                     boolean publicAudience) implements MaintenanceFact {
        public Scheduled {
            components = List.copyOf(components);
        }
    }

    /** The whole plan after the update, and what it said (null when it only changed the plan). */
    record Updated(String message, String title, String description, List<String> components, Instant startsAt,
                   Instant endsAt) implements MaintenanceFact {
        public Updated {
            components = List.copyOf(components);
        }
    }

    record Started(String message) implements MaintenanceFact {
    }

    record Completed(String message) implements MaintenanceFact {
    }

    record Cancelled(String reason) implements MaintenanceFact {
    }

    /** A fact with its place in the window's log. */
    record Recorded(String maintenanceId, long sequence, Instant occurredAt, MaintenanceFact fact) {
    }
}
