package dev.incidents.projection.http;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.Severity;
import dev.incidents.projection.domain.Status;
import dev.incidents.projection.domain.StatusBoard;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The public status in the JSON shape of Atlassian Statuspage's public API v2 ({@code summary.json},
 * {@code incidents.json}), so existing status widgets and aggregators read it. Fields of our own are added
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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Component(String id, String name, String status, Instant createdAt, Instant updatedAt, int position,
                     String description, boolean showcase, String startDate, String groupId, String pageId,
                     boolean group, boolean onlyShowIfDegraded) {
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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Indicator(String indicator, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(Page page, List<Component> components, List<Incident> incidents,
                   List<Object> scheduledMaintenances, Indicator status) {
    }

    record Incidents(Page page, List<Incident> incidents) {
    }

    /** @param updatesPerIncident the newest public updates listed per incident */
    static Summary summary(StatusBoard board, String pageName, URI pageUrl, int updatesPerIncident) {
        List<Component> components = components(board);
        return new Summary(page(board, pageName, pageUrl), components, board.open().stream()
                .map(incident -> incident(incident, pageUrl, components, updatesPerIncident)).toList(), List.of(),
                indicator(board));
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

    private static List<Component> components(StatusBoard board) {
        List<StatusBoard.ComponentState> states = board.components();
        return IntStream.range(0, states.size()).mapToObj(i -> {
            StatusBoard.ComponentState state = states.get(i);
            Instant changed = state.since() == null ? board.at() : state.since();
            return new Component(componentId(state.name()), state.name(),
                    state.condition().name().toLowerCase(Locale.ROOT), changed, changed, i + 1, null, true, null,
                    null, PAGE_ID, false, false);
        }).toList();
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
                components.stream().filter(c -> incident.components().contains(c.name())).toList(),
                incident.rcaPublishedAt(), incident.rca(), incident.nextUpdateDueAt(), incident.rcaDueAt(),
                incident.correctiveActions().stream().map(CorrectiveAction::of).toList());
    }

    private static Indicator indicator(StatusBoard board) {
        String impact = board.worstOpenSeverity().map(StatuspageShape::impact).orElse("none");
        String description = switch (impact) {
            case "critical" -> "Major System Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
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

    private static String componentId(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
