package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.List;

/** What a maintenance window will do, to which components, and when: what its audience is told. */
public record MaintenancePlan(String title, String description, List<String> components, Instant startsAt,
                              Instant endsAt) {

    public MaintenancePlan {
        components = components == null ? null : List.copyOf(components);
    }

    /** This plan with what {@code update} changes (a null field changes nothing). */
    MaintenancePlan changedBy(MaintenanceCommand.UpdateMaintenance update) {
        return new MaintenancePlan(or(update.title(), title), or(update.description(), description),
                or(update.components(), components), or(update.startsAt(), startsAt), or(update.endsAt(), endsAt));
    }

    private static <T> T or(T changed, T kept) {
        return changed != null ? changed : kept;
    }
}
