package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What a message needs to say about a maintenance window, kept by the notifier from the window's events: its plan,
 * audience and status, who scheduled it (whose channel hears its alerts), how far an overrun has been escalated
 * (so the message that ends it reaches everyone who was alerted), and when it ended (after which, and a grace, the
 * brief may be forgotten).
 */
public record MaintenanceBrief(String maintenanceId, String title, Set<String> components, Instant startsAt,
                               Instant endsAt, Audience audience, Status status, String owner, int escalatedTo,
                               Instant endedAt) implements NoticeSubject {

    /** Where a window stands, as the contract's events move it. */
    public enum Status { SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED }

    public MaintenanceBrief {
        components = components == null ? Set.of() : Set.copyOf(components);
    }

    /** A window whose schedule was never read (it predates the retained events): known by its id alone. */
    static MaintenanceBrief unknown(String maintenanceId) {
        return new MaintenanceBrief(maintenanceId, null, Set.of(), null, null, Audience.INTERNAL, Status.SCHEDULED,
                null, 0, null);
    }

    @Override
    public String id() {
        return maintenanceId;
    }

    @Override
    public String lead() {
        return owner;
    }

    @Override
    public boolean mayBePublic() {
        return audience == Audience.PUBLIC;
    }

    public MaintenanceBrief replanned(String newTitle, Set<String> newComponents, Instant newStart, Instant newEnd) {
        return new MaintenanceBrief(maintenanceId, newTitle, newComponents, newStart, newEnd, audience, status, owner,
                escalatedTo, endedAt);
    }

    public MaintenanceBrief started() {
        return withStatus(Status.IN_PROGRESS, null);
    }

    public MaintenanceBrief ended(Status how, Instant at) {
        return withStatus(how, at);
    }

    public MaintenanceBrief escalatedTo(int repeat) {
        return new MaintenanceBrief(maintenanceId, title, components, startsAt, endsAt, audience, status, owner,
                repeat, endedAt);
    }

    /** Whether nothing more is expected of it: completed or cancelled before {@code cutoff}. */
    public boolean settledBefore(Instant cutoff) {
        return endedAt != null && endedAt.isBefore(cutoff);
    }

    private MaintenanceBrief withStatus(Status newStatus, Instant ended) {
        return new MaintenanceBrief(maintenanceId, title, components, startsAt, endsAt, audience, newStatus, owner,
                escalatedTo, ended);
    }
}
