package dev.incidents.commands.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.CommandLimits;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.Severity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an event of PagerDuty's Events API v2 ({@code routing_key}, {@code event_action} trigger, acknowledge or
 * resolve, {@code dedup_key}, {@code payload}) as the report of one alert, keyed by its dedup key within the
 * integration the routing key names: a trigger declares an incident or joins the open one, a repeated trigger with
 * a higher severity raises it, acknowledge and resolve become INTERNAL updates. Every rule PagerDuty applies is
 * checked, and all the broken ones are listed, as PagerDuty lists them.
 */
public final class PagerDutyEvents {

    static final int SUMMARY_MAX = 1024;
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final DateTimeFormatter ISO_OFFSET_WITH_OR_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** A readable event: the dedup key it is known by (made up for a trigger without one) and its report. */
    public record Report(String dedupKey, DeclareIncident report) {
    }

    /** An event PagerDuty would refuse, with every reason. */
    public static final class InvalidEvent extends RuntimeException {
        private final List<String> errors;

        InvalidEvent(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    private PagerDutyEvents() {
    }

    /**
     * @param integrations the configured integrations' names by routing key
     * @param newDedupKey  makes the dedup key of a trigger that has none
     */
    public static Report read(JsonNode event, Map<String, String> integrations, IntakeRules rules, Instant now,
                              Supplier<String> newDedupKey) {
        List<String> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            throw new InvalidEvent(List.of("The event must be a JSON object."));
        }
        String routingKey = text(event, "routing_key", errors);
        String integration = routingKey == null ? null : integrations.get(routingKey);
        if (integration == null) {
            errors.add("'routing_key' is missing or names no integration of this service.");
        }
        String action = text(event, "event_action", errors);
        if (action == null || !ACTIONS.contains(action)) {
            errors.add("'event_action' must be one of trigger, acknowledge, resolve.");
        }
        String dedupKey = text(event, "dedup_key", errors);
        if (dedupKey != null && (dedupKey.isEmpty() || dedupKey.length() > CommandLimits.DEDUP_KEY_MAX)) {
            errors.add("Length of 'dedup_key' must be 1 to " + CommandLimits.DEDUP_KEY_MAX + " characters.");
        }
        if (dedupKey == null && action != null && !"trigger".equals(action)) {
            errors.add("'dedup_key' is required to " + action + " an alert.");
        }
        Trigger trigger = "trigger".equals(action) ? trigger(event.get("payload"), errors) : null;
        if (!errors.isEmpty()) {
            throw new InvalidEvent(errors);
        }
        String key = dedupKey == null ? newDedupKey.get() : dedupKey;
        return new Report(key, trigger == null ? stateChange(integration, key, action)
                : trigger.report(integration, key, rules, now));
    }

    private record Trigger(String summary, String source, String severity, Instant timestamp, String component) {

        DeclareIncident report(String integration, String key, IntakeRules rules, Instant now) {
            String name = IntakeText.fit(summary, CommandLimits.NAME_MAX);
            return new DeclareIncident(IntakeText.fit(summary, CommandLimits.TITLE_MAX), rules.severityOf(severity),
                    IntakeText.fit(summary + "\nSource: " + source, CommandLimits.SUMMARY_MAX),
                    component == null ? List.of() : List.of(IntakeText.fit(component, CommandLimits.NAME_MAX)), null,
                    rules.detectedAt(timestamp, now), dedupKey(integration, key), "PagerDuty",
                    List.of(new AlertSignal(key, name, AlertSignal.State.FIRING)));
        }
    }

    private static Trigger trigger(JsonNode payload, List<String> errors) {
        if (payload == null || !payload.isObject()) {
            errors.add("'payload' is required to trigger an alert.");
            return null;
        }
        String summary = text(payload, "payload.summary", errors);
        if (summary == null || summary.isBlank() || summary.length() > SUMMARY_MAX) {
            errors.add("'payload.summary' is required and at most " + SUMMARY_MAX + " characters.");
        }
        String source = text(payload, "payload.source", errors);
        if (source == null || source.isBlank()) {
            errors.add("'payload.source' is required.");
        }
        String severity = text(payload, "payload.severity", errors);
        if (!SEVERITIES.contains(severity)) {
            errors.add("'payload.severity' must be one of critical, error, warning, info.");
        }
        return new Trigger(summary, source, severity, timestamp(text(payload, "payload.timestamp", errors)),
                text(payload, "payload.component", errors));
    }

    /** Acknowledge or resolve: the alert's new state, which no incident is declared for. */
    private static DeclareIncident stateChange(String integration, String key, String action) {
        String name = IntakeText.fit(key, CommandLimits.NAME_MAX);
        return new DeclareIncident(IntakeText.fit("PagerDuty alert " + key, CommandLimits.TITLE_MAX),
                Severity.SEV4, name, List.of(), null, null, dedupKey(integration, key), "PagerDuty",
                List.of(new AlertSignal(key, name, "acknowledge".equals(action) ? AlertSignal.State.ACKNOWLEDGED
                        : AlertSignal.State.RESOLVED)));
    }

    private static String dedupKey(String integration, String key) {
        return IntakeText.key("pagerduty:" + integration + ":", key, CommandLimits.DEDUP_KEY_MAX);
    }

    /** The text at {@code path} (its last part names the field of {@code node}), or null if absent. */
    private static String text(JsonNode node, String path, List<String> errors) {
        JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add("'" + path + "' must be a string.");
            return null;
        }
        return value.asText();
    }

    /**
     * PagerDuty takes ISO 8601 with an offset with or without its colon ({@code +0000}, as its own example has it);
     * a time it cannot read is dropped rather than the alert: the incident is then detected when it arrives.
     */
    private static Instant timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, ISO_OFFSET_WITH_OR_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
