package dev.incidents.commands.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.AlertSignal.State;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.incidents.commands.intake.IntakePayloads.RULES;
import static dev.incidents.commands.intake.IntakePayloads.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PagerDuty's documented Events API v2 examples, and events it would refuse, read as alert reports. */
class PagerDutyEventsTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Map<String, String> INTEGRATIONS = Map.of("samplekeyhere", "datapipe",
            "routingkeyhere", "datapipe");

    @Test
    void the_documented_trigger_reports_one_firing_alert_under_its_dedup_key() {
        PagerDutyEvents.Report read = read(json("pagerduty-trigger.json"));
        DeclareIncident report = read.report();

        assertThat(read.dedupKey()).isEqualTo("samplekeyhere");
        assertThat(report.dedupKey()).isEqualTo("pagerduty:datapipe:samplekeyhere");
        assertThat(report.title()).isEqualTo("Example alert on host1.example.com");
        assertThat(report.summary()).isEqualTo("Example alert on host1.example.com\nSource: "
                + "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003");
        assertThat(report.severity()).isEqualTo(Severity.SEV4);
        assertThat(report.components()).containsExactly("postgres");
        assertThat(report.detectedAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
        assertThat(report.alerts()).containsExactly(
                new AlertSignal("samplekeyhere", "Example alert on host1.example.com", State.FIRING));
    }

    @Test
    void the_documented_acknowledge_and_resolve_change_the_alerts_state_only() {
        assertThat(read(json("pagerduty-acknowledge.json")).report().alerts())
                .containsExactly(new AlertSignal("dedupkeyhere", "dedupkeyhere", State.ACKNOWLEDGED));
        assertThat(read(json("pagerduty-resolve.json")).report().alerts())
                .containsExactly(new AlertSignal("dedupkeyhere", "dedupkeyhere", State.RESOLVED));
        assertThat(read(json("pagerduty-resolve.json")).report().dedupKey())
                .isEqualTo("pagerduty:datapipe:dedupkeyhere");
    }

    @Test
    void a_trigger_without_a_dedup_key_gets_one_and_returns_it() {
        ObjectNode trigger = json("pagerduty-trigger.json");
        trigger.remove("dedup_key");

        PagerDutyEvents.Report read = read(trigger);

        assertThat(read.dedupKey()).isEqualTo("made-up");
        assertThat(read.report().dedupKey()).isEqualTo("pagerduty:datapipe:made-up");
    }

    @Test
    void critical_maps_to_sev1() {
        ObjectNode trigger = json("pagerduty-trigger.json");
        ((ObjectNode) trigger.get("payload")).put("severity", "critical");

        assertThat(read(trigger).report().severity()).isEqualTo(Severity.SEV1);
    }

    @Test
    void an_unknown_routing_key_is_an_invalid_event() {
        ObjectNode trigger = json("pagerduty-trigger.json").put("routing_key", "somebody-elses");

        assertThatThrownBy(() -> read(trigger)).isInstanceOfSatisfying(PagerDutyEvents.InvalidEvent.class,
                e -> assertThat(e.errors()).containsExactly(
                        "'routing_key' is missing or names no integration of this service."));
    }

    @Test
    void every_broken_rule_is_listed() {
        ObjectNode trigger = json("pagerduty-trigger.json").put("dedup_key", "k".repeat(256));
        ((ObjectNode) trigger.get("payload")).put("summary", "s".repeat(1025)).put("severity", "urgent")
                .remove("source");

        assertThatThrownBy(() -> read(trigger)).isInstanceOfSatisfying(PagerDutyEvents.InvalidEvent.class,
                e -> assertThat(e.errors()).containsExactly(
                        "Length of 'dedup_key' must be 1 to 255 characters.",
                        "'payload.summary' is required and at most 1024 characters.",
                        "'payload.source' is required.",
                        "'payload.severity' must be one of critical, error, warning, info."));
    }

    @Test
    void hostile_events_are_invalid_events_not_crashes() {
        List<ObjectNode> hostile = List.of(
                json("pagerduty-trigger.json").put("event_action", "delete"),
                json("pagerduty-trigger.json").<ObjectNode>without("event_action"),
                json("pagerduty-trigger.json").putNull("event_action"),
                json("pagerduty-acknowledge.json").putNull("dedup_key"),
                json("pagerduty-trigger.json").put("routing_key", 42),
                (ObjectNode) json("pagerduty-trigger.json").set("payload", IntakePayloads.JSON.getNodeFactory()
                        .textNode("not an object")),
                json("pagerduty-trigger.json").put("dedup_key", ""));

        for (ObjectNode event : hostile) {
            assertThatThrownBy(() -> read(event)).as(event.toString())
                    .isInstanceOfSatisfying(PagerDutyEvents.InvalidEvent.class,
                            e -> assertThat(e.errors()).isNotEmpty());
        }
    }

    @Test
    void an_unreadable_timestamp_is_dropped_not_the_alert() {
        ObjectNode trigger = json("pagerduty-trigger.json");
        ((ObjectNode) trigger.get("payload")).put("timestamp", "last tuesday");

        assertThat(read(trigger).report().detectedAt()).isNull();
    }

    private static PagerDutyEvents.Report read(ObjectNode event) {
        return PagerDutyEvents.read(event, INTEGRATIONS, RULES, NOW, () -> "made-up");
    }
}
