package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Incidents and their timelines as lines for a terminal; overdue in red where the terminal shows colour. */
final class Shown {

    static final String RED = "\u001b[31m";
    static final String BOLD = "\u001b[1m";
    static final String RESET = "\u001b[0m";

    private Shown() {
    }

    static String header() {
        return "%-38s %-4s %-13s %-24s %s".formatted("INCIDENT", "SEV", "STATUS", "NEXT UPDATE", "TITLE");
    }

    /** One line: id, severity, status, the next update's countdown (or how late it is), title. */
    static String line(JsonNode incident, Clock clock, boolean colour) {
        String next = next(incident, clock);
        String text = "%-38s %-4s %-13s %-24s %s".formatted(incident.path("incidentId").asText(),
                incident.path("severity").asText(), incident.path("status").asText().toLowerCase(), next,
                incident.path("title").asText());
        return colour && overdue(incident, clock) ? RED + text + RESET : text;
    }

    static boolean overdue(JsonNode incident, Clock clock) {
        return incident.path("overdue").asBoolean() || incident.path("open").asBoolean()
                && incident.hasNonNull("nextUpdateDueAt")
                && Instant.parse(incident.get("nextUpdateDueAt").asText()).isBefore(clock.instant());
    }

    static List<String> details(JsonNode incident, Clock clock, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(incident.path("severity").asText() + "  " + incident.path("title").asText());
        lines.add("id          " + incident.path("incidentId").asText() + " (version "
                + incident.path("version").asLong() + ")");
        lines.add("status      " + incident.path("status").asText().toLowerCase()
                + (incident.path("open").asBoolean() ? "" : ", resolved"));
        lines.add("commander   " + incident.path("commander").asText("-"));
        lines.add("components  " + String.join(", ", incident.path("components").valueStream()
                .map(JsonNode::asText).toList()));
        time(lines, "declared    ", incident, "declaredAt", zone);
        if (incident.path("open").asBoolean()) {
            lines.add("next update " + next(incident, clock));
        }
        lines.add("promises    " + incident.path("promisesKept").asInt() + " kept, "
                + incident.path("promisesMissed").asInt() + " missed");
        time(lines, "resolved    ", incident, "resolvedAt", zone);
        time(lines, "RCA due     ", incident, "rcaDueAt", zone);
        time(lines, "RCA out     ", incident, "rcaPublishedAt", zone);
        for (JsonNode action : incident.path("correctiveActions")) {
            lines.add("action      [" + action.path("state").asText().toLowerCase() + "] "
                    + action.path("description").asText() + " (" + action.path("owner").asText() + ")");
        }
        return lines;
    }

    static String timelineLine(JsonNode entry, ZoneId zone) {
        return "%s  %-8s %-22s %-14s %s".formatted(Times.shown(Instant.parse(entry.path("at").asText()), zone),
                entry.path("isPublic").asBoolean() ? "PUBLIC" : "INTERNAL", entry.path("kind").asText(),
                entry.path("actor").asText(), entry.path("text").asText());
    }

    private static String next(JsonNode incident, Clock clock) {
        if (!incident.path("open").asBoolean()) {
            return "resolved";
        }
        if (!incident.hasNonNull("nextUpdateDueAt")) {
            return "-";
        }
        Instant due = Instant.parse(incident.get("nextUpdateDueAt").asText());
        return due.isBefore(clock.instant()) ? "OVERDUE " + Times.span(java.time.Duration.between(due,
                clock.instant())) : "due " + Times.fromNow(due, clock);
    }

    private static void time(List<String> lines, String label, JsonNode incident, String field, ZoneId zone) {
        if (incident.hasNonNull(field)) {
            lines.add(label + Times.shown(Instant.parse(incident.get(field).asText()), zone));
        }
    }
}
