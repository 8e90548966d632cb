package dev.incidents.projection.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What customers may read of a maintenance window: a PUBLIC window's plan, where it is and what was said about it.
 * INTERNAL windows never reach a public page.
 *
 * @param updatedAt when it was last changed or spoken of
 */
public record PublicMaintenance(String maintenanceId, String title, String description, List<String> components,
                                Instant startsAt, Instant endsAt, MaintenanceStatus status, Instant scheduledAt,
                                Instant updatedAt, Instant startedAt, Instant endedAt,
                                List<MaintenanceNote> updates) {

    public PublicMaintenance {
        components = List.copyOf(components);
        updates = List.copyOf(updates);
    }

    /** The public side of {@code view}; empty for an INTERNAL window. */
    public static Optional<PublicMaintenance> of(MaintenanceView view) {
        if (!view.publicAudience()) {
            return Optional.empty();
        }
        List<MaintenanceNote> notes = view.notes();
        return Optional.of(new PublicMaintenance(view.maintenanceId(), view.title(), view.description(),
                view.components(), view.startsAt(), view.endsAt(), view.status(), notes.getFirst().at(),
                notes.getLast().at(), view.startedAt(), view.endedAt(), notes));
    }

    /** This window without the components the public does not see. */
    public PublicMaintenance hiding(Set<String> unlisted) {
        if (components.stream().noneMatch(unlisted::contains)) {
            return this;
        }
        return new PublicMaintenance(maintenanceId, title, description,
                components.stream().filter(id -> !unlisted.contains(id)).toList(), startsAt, endsAt, status,
                scheduledAt, updatedAt, startedAt, endedAt, updates);
    }

    /** Planned and not started: shown as upcoming. */
    public boolean upcoming() {
        return status == MaintenanceStatus.SCHEDULED;
    }

    /** Under way: its components are under maintenance. */
    public boolean active() {
        return status == MaintenanceStatus.IN_PROGRESS;
    }
}
