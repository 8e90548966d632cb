package dev.incidents.projection.http;

import dev.incidents.projection.domain.MaintenanceNote;
import dev.incidents.projection.domain.MaintenanceStatus;
import dev.incidents.projection.domain.MaintenanceView;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window as the dashboard shows it: its plan and audience, where it is, what was said, and whether it
 * is late to start or running over its end at {@code asOf}.
 */
public record MaintenanceResponse(String maintenanceId, long version, String title, String description,
                                  List<String> components, Instant startsAt, Instant endsAt, String audience,
                                  MaintenanceStatus status, Instant startedAt, Instant endedAt,
                                  List<MaintenanceNote> updates, boolean lateToStart, boolean overrun,
                                  int overrunReports) {

    static MaintenanceResponse of(MaintenanceView view, Instant asOf) {
        boolean current = !view.status().isOver();
        return new MaintenanceResponse(view.maintenanceId(), view.version(), view.title(), view.description(),
                view.components(), view.startsAt(), view.endsAt(), view.publicAudience() ? "PUBLIC" : "INTERNAL",
                view.status(), view.startedAt(), view.endedAt(), view.notes(),
                view.status() == MaintenanceStatus.SCHEDULED && !asOf.isBefore(view.startsAt()),
                current && !asOf.isBefore(view.endsAt()), view.overrunReports());
    }

    boolean current() {
        return !status.isOver();
    }
}
