package dev.incidents.projection.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A maintenance window as the dashboard, the status page and the timers know it: its plan, where it is, its story
 * ({@code notes}, oldest first), and which of its moments have been reported: {@code remindedFor} and
 * {@code dueToStartFor} hold the start they were reported for (a moved start is reported again), and
 * {@code overrunFor} the end the {@code overrunReports} are about.
 *
 * @param plannedAt when the start was last set (by the schedule or an update moving it): no reminder is sent for a
 *                  start planned inside the reminder's lead
 */
public record MaintenanceView(String maintenanceId, long version, String title, String description,
                              List<String> components, Instant startsAt, Instant endsAt, boolean publicAudience,
                              MaintenanceStatus status, Instant plannedAt, Instant startedAt, Instant endedAt,
                              List<MaintenanceNote> notes, Instant remindedFor, Instant dueToStartFor,
                              Instant overrunFor, int overrunReports) {

    public MaintenanceView {
        components = List.copyOf(components);
        notes = List.copyOf(notes);
    }

    /** Whether it is under way: its components are under maintenance. */
    public boolean inProgress() {
        return status == MaintenanceStatus.IN_PROGRESS;
    }

    /** The view a window's first event, its schedule, makes. */
    static MaintenanceView scheduled(MaintenanceFact.Recorded recorded) {
        MaintenanceFact.Scheduled f = (MaintenanceFact.Scheduled) recorded.fact();
        Instant at = recorded.occurredAt();
        return new MaintenanceView(recorded.maintenanceId(), recorded.sequence(), f.title(), f.description(),
                f.components(), f.startsAt(), f.endsAt(), f.publicAudience(), MaintenanceStatus.SCHEDULED, at, null,
                null, List.of(new MaintenanceNote(at, MaintenanceStatus.SCHEDULED, null)), null, null, null, 0);
    }

    /** This view after a later event. */
    MaintenanceView applied(MaintenanceFact.Recorded recorded) {
        Instant at = recorded.occurredAt();
        return switch (recorded.fact()) {
            case MaintenanceFact.Scheduled f -> throw new IllegalStateException("Maintenance " + maintenanceId
                    + " is scheduled already");
            case MaintenanceFact.Updated f -> new MaintenanceView(maintenanceId, recorded.sequence(), f.title(),
                    f.description(), f.components(), f.startsAt(), f.endsAt(), publicAudience, status,
                    f.startsAt().equals(startsAt) ? plannedAt : at, startedAt, endedAt,
                    noted(at, status, f.message()), remindedFor, dueToStartFor, overrunFor, overrunReports);
            case MaintenanceFact.Started f -> next(recorded.sequence(), MaintenanceStatus.IN_PROGRESS, at, endedAt,
                    noted(at, MaintenanceStatus.IN_PROGRESS, f.message()));
            case MaintenanceFact.Completed f -> next(recorded.sequence(), MaintenanceStatus.COMPLETED, startedAt, at,
                    noted(at, MaintenanceStatus.COMPLETED, f.message()));
            case MaintenanceFact.Cancelled f -> next(recorded.sequence(), MaintenanceStatus.CANCELLED, startedAt, at,
                    noted(at, MaintenanceStatus.CANCELLED, f.reason()));
        };
    }

    private MaintenanceView next(long version, MaintenanceStatus status, Instant startedAt, Instant endedAt,
                                 List<MaintenanceNote> notes) {
        return new MaintenanceView(maintenanceId, version, title, description, components, startsAt, endsAt,
                publicAudience, status, plannedAt, startedAt, endedAt, notes, remindedFor, dueToStartFor, overrunFor,
                overrunReports);
    }

    private List<MaintenanceNote> noted(Instant at, MaintenanceStatus status, String message) {
        List<MaintenanceNote> more = new ArrayList<>(notes);
        more.add(new MaintenanceNote(at, status, message));
        return more;
    }

    MaintenanceView reminded() {
        return new MaintenanceView(maintenanceId, version, title, description, components, startsAt, endsAt,
                publicAudience, status, plannedAt, startedAt, endedAt, notes, startsAt, dueToStartFor, overrunFor,
                overrunReports);
    }

    MaintenanceView reportedDueToStart() {
        return new MaintenanceView(maintenanceId, version, title, description, components, startsAt, endsAt,
                publicAudience, status, plannedAt, startedAt, endedAt, notes, remindedFor, startsAt, overrunFor,
                overrunReports);
    }

    /** @param reports how many times the overrun of the current end has now been reported */
    MaintenanceView reportedOverrun(int reports) {
        return new MaintenanceView(maintenanceId, version, title, description, components, startsAt, endsAt,
                publicAudience, status, plannedAt, startedAt, endedAt, notes, remindedFor, dueToStartFor, endsAt,
                reports);
    }

    /** How many times the overrun of the current end was reported (none once the end has moved). */
    int overrunsOfCurrentEnd() {
        return endsAt.equals(overrunFor) ? overrunReports : 0;
    }
}
