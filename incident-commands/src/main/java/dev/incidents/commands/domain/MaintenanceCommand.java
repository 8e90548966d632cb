package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.List;

/** What someone asks of a maintenance window; decided by {@link MaintenanceDecider} into events or a rejection. */
public sealed interface MaintenanceCommand {

    record ScheduleMaintenance(MaintenancePlan plan, Audience audience) implements MaintenanceCommand {
    }

    /** Says something ({@code message}), changes the plan (the non-null fields), or both. */
    record UpdateMaintenance(String message, String title, String description, List<String> components,
                             Instant startsAt, Instant endsAt) implements MaintenanceCommand {
        public UpdateMaintenance {
            components = components == null ? null : List.copyOf(components);
        }

        boolean changesPlan() {
            return title != null || description != null || components != null || startsAt != null || endsAt != null;
        }
    }

    record StartMaintenance(String message) implements MaintenanceCommand {
    }

    record CompleteMaintenance(String message) implements MaintenanceCommand {
    }

    record CancelMaintenance(String reason) implements MaintenanceCommand {
    }
}
