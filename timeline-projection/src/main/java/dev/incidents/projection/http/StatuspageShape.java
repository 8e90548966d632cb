package dev.incidents.projection.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.incidents.projection.domain.MaintenanceNote;
import dev.incidents.projection.domain.MaintenanceStatus;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.PublicMaintenance;
import dev.incidents.projection.domain.Severity;
import dev.incidents.projection.domain.Status;
import dev.incidents.projection.domain.StatusBoard;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public status in the JSON shape of Atlassian Statuspage's public API v2 ({@code summary.json},
 * {@code incidents.json}, {@code scheduled-maintenances/upcoming.json} and {@code active.json}), so existing status
 * widgets and aggregators read it. Fields of our own are added
 * beside theirs ({@code next_update_at}, {@code rca_due_at}); readers of that API ignore fields they do not know.
 */
final class StatuspageShape {

    /** Statuspage's incidents.json lists the 50 most recent incidents. */
    static final int INCIDENT_LIMIT = 50;
    private static final String PAGE_ID = "incidents";

    private StatuspageShape() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page(String id, String name, String url, String timeZone, Instant updatedAt) {
    }

    /**
     * A component, or a group of them ({@code group} true, {@code components} its members' ids, its status the
     * worst of theirs); a member names its group in {@code group_id}, as Statuspage's do.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Component(String id, String name, String status, Instant createdAt, Instant updatedAt, int position,
                     String description, boolean showcase, String startDate, String groupId, String pageId,
                     boolean group, boolean onlyShowIfDegraded,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Update(String id, String status, String body, String incidentId, Instant createdAt, Instant updatedAt,
                  Instant displayAt, List<Object> affectedComponents, boolean deliverNotifications) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Incident(String id, String name, String status, Instant createdAt, Instant updatedAt, Instant monitoringAt,
                    Instant resolvedAt, String impact, String shortlink, Instant startedAt, String pageId,
                    List<Update> incidentUpdates, List<Component> components, Instant postmortemPublishedAt,
                    String postmortemBody, Instant nextUpdateAt, Instant rcaDueAt,
                    List<CorrectiveAction> correctiveActions) {
    }

    /** Beyond Statuspage's shape: a corrective action of the postmortem, {@code status} planned, done or declined. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CorrectiveAction(String id, String description, String status, Instant dueAt, Instant doneAt) {

        static CorrectiveAction of(PublicIncident.PublicAction action) {
            String status = switch (action.state()) {
                case OPEN -> "planned";
                case COMPLETED -> "done";
                case DECLINED -> "declined";
            };
            return new CorrectiveAction(action.id(), action.description(), status, action.dueAt(),
                    action.completedAt());
        }
    }

    /** A maintenance window as Statuspage's scheduled maintenances are: impact "maintenance", its window. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Maintenance(String id, String name, String status, Instant createdAt, Instant updatedAt,
                       Instant monitoringAt, Instant resolvedAt, String impact, String shortlink, Instant startedAt,
                       String pageId, Instant scheduledFor, Instant scheduledUntil, List<Update> incidentUpdates,
                       List<Component> components, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Indicator(String indicator, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(Page page, List<Component> components, List<Incident> incidents,
                   List<Maintenance> scheduledMaintenances, Indicator status) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Maintenances(Page page, List<Maintenance> scheduledMaintenances) {
    }

    record Incidents(Page page, List<Incident> incidents) {
    }

    /** @param updatesPerIncident the newest public updates listed per incident */
    static Summary summary(StatusBoard board, String pageName, URI pageUrl, int updatesPerIncident) {
        List<Component> components = components(board);
        return new Summary(page(board, pageName, pageUrl), components, board.open().stream()
                .map(incident -> incident(incident, pageUrl, components, updatesPerIncident)).toList(),
                Stream.concat(board.active().stream(), board.upcoming().stream())
                        .map(window -> maintenance(window, pageUrl, components)).toList(),
                indicator(board));
    }

    /** upcoming.json (planned, not started, soonest first) or active.json (under way). */
    static Maintenances maintenances(StatusBoard board, boolean active, String pageName, URI pageUrl) {
        List<Component> components = components(board);
        return new Maintenances(page(board, pageName, pageUrl), (active ? board.active() : board.upcoming())
                .stream().map(window -> maintenance(window, pageUrl, components)).toList());
    }

    /** The anchor of a maintenance window on the public page, also its short link. */
    static URI link(URI pageUrl, PublicMaintenance window) {
        return pageUrl.resolve("#maintenance-" + window.maintenanceId());
    }

    private static Maintenance maintenance(PublicMaintenance window, URI pageUrl, List<Component> components) {
        List<Update> updates = new ArrayList<>();
        List<MaintenanceNote> notes = window.updates();
        for (int i = notes.size() - 1; i >= 0; i--) {
            MaintenanceNote note = notes.get(i);
            updates.add(new Update(window.maintenanceId() + "-" + (i + 1), status(note.status()),
                    note.message() == null ? window.description() : note.message(), window.maintenanceId(),
                    note.at(), note.at(), note.at(), null, true));
        }
        return new Maintenance(window.maintenanceId(), window.title(), status(window.status()),
                window.scheduledAt(), window.updatedAt(), null,
                window.status() == MaintenanceStatus.COMPLETED ? window.endedAt() : null, "maintenance",
                link(pageUrl, window).toString(), window.startedAt(), PAGE_ID, window.startsAt(), window.endsAt(),
                updates, components.stream().filter(c -> !c.group() && window.components().contains(c.id()))
                        .toList(), window.description());
    }

    private static String status(MaintenanceStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Incidents incidents(StatusBoard board, String pageName, URI pageUrl, int updatesPerIncident) {
        List<Component> components = components(board);
        return new Incidents(page(board, pageName, pageUrl), board.incidents().stream()
                .sorted(Comparator.comparing(PublicIncident::declaredAt).reversed()).limit(INCIDENT_LIMIT)
                .map(incident -> incident(incident, pageUrl, components, updatesPerIncident)).toList());
    }

    /** The anchor of an incident on the public page, also its short link. */
    static URI link(URI pageUrl, PublicIncident incident) {
        return pageUrl.resolve("#incident-" + incident.incidentId());
    }

    private static Page page(StatusBoard board, String pageName, URI pageUrl) {
        Instant updated = board.incidents().stream()
                .map(PublicIncident::updatedAt).max(Instant::compareTo).orElse(board.at());
        return new Page(PAGE_ID, pageName, pageUrl.toString(), "Etc/UTC", updated);
    }

    /** The board's components in its order, each group's entry just before its first member. */
    private static List<Component> components(StatusBoard board) {
        Map<String, List<StatusBoard.ComponentState>> members = board.components().stream()
                .filter(state -> state.group() != null)
                .collect(Collectors.groupingBy(StatusBoard.ComponentState::group, LinkedHashMap::new,
                        Collectors.toList()));
        List<Component> components = new ArrayList<>();
        for (StatusBoard.ComponentState state : board.components()) {
            if (state.group() != null && members.get(state.group()).getFirst() == state) {
                components.add(group(state.group(), members.get(state.group()), board.at(), components.size() + 1));
            }
            Instant changed = state.since() == null ? board.at() : state.since();
            components.add(new Component(state.id(), state.name(), status(state.condition()), changed, changed,
                    components.size() + 1, null, true, null, state.group() == null ? null : groupId(state.group()),
                    PAGE_ID, false, false, null));
        }
        return components;
    }

    private static Component group(String name, List<StatusBoard.ComponentState> members, Instant at, int position) {
        StatusBoard.ComponentState worst = members.stream()
                .max(Comparator.comparing(StatusBoard.ComponentState::condition)).orElseThrow();
        Instant changed = worst.since() == null ? at : worst.since();
        return new Component(groupId(name), name, status(worst.condition()), changed, changed, position, null, true,
                null, null, PAGE_ID, true, false, members.stream().map(StatusBoard.ComponentState::id).toList());
    }

    /** Component ids hold no ':', so a group's id never meets one. */
    private static String groupId(String group) {
        return "group:" + group;
    }

    private static String status(StatusBoard.Condition condition) {
        return condition.name().toLowerCase(Locale.ROOT);
    }

    private static Incident incident(PublicIncident incident, URI pageUrl, List<Component> components,
                                     int updatesPerIncident) {
        List<Update> updates = incident.updates().stream()
                .sorted(Comparator.comparingLong(PublicIncident.PublicUpdate::sequence).reversed())
                .limit(updatesPerIncident)
                .map(update -> new Update(incident.incidentId() + "-" + update.sequence(), status(update.status()),
                        update.text(), incident.incidentId(), update.at(), update.at(), update.at(), null, true))
                .toList();
        Instant monitoringAt = incident.updates().stream().filter(update -> update.status() == Status.MONITORING)
                .map(PublicIncident.PublicUpdate::at).findFirst().orElse(null);
        String status = incident.rca() != null ? "postmortem" : status(incident.status());
        return new Incident(incident.incidentId(), incident.title(), status, incident.declaredAt(),
                incident.updatedAt(), monitoringAt, incident.resolvedAt(), impact(incident.severity()),
                link(pageUrl, incident).toString(), incident.declaredAt(), PAGE_ID, updates,
                components.stream().filter(c -> !c.group() && incident.components().contains(c.id())).toList(),
                incident.rcaPublishedAt(), incident.rca(), incident.nextUpdateDueAt(), incident.rcaDueAt(),
                incident.correctiveActions().stream().map(CorrectiveAction::of).toList());
    }

    private static Indicator indicator(StatusBoard board) {
        String impact = board.worstOpenSeverity().map(StatuspageShape::impact)
                .orElse(board.active().isEmpty() ? "none" : "maintenance");
        String description = switch (impact) {
            case "critical" -> "Major System Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
            case "maintenance" -> "Service Under Maintenance";
            default -> "All Systems Operational";
        };
        return new Indicator(impact, description);
    }

    static String impact(Severity severity) {
        return switch (severity) {
            case SEV1 -> "critical";
            case SEV2 -> "major";
            case SEV3, SEV4 -> "minor";
        };
    }

    private static String status(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

}
