package dev.incidents.commands.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.AlertSignal.State;
import dev.incidents.commands.domain.CommandLimits;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.Severity;
import dev.incidents.commands.intake.AlertGroupReports.Monitor;
import dev.incidents.support.http.InvalidField;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.incidents.commands.intake.IntakePayloads.RULES;
import static dev.incidents.commands.intake.IntakePayloads.json;
import static dev.incidents.commands.intake.IntakePayloads.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Alertmanager's and Grafana's documented payloads, and hostile ones, as reports of one alert group. */
class AlertGroupReportsTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void alertmanagers_example_declares_a_sev1_from_its_critical_label_with_the_annotations_as_text() {
        DeclareIncident report = AlertGroupReports.report(Monitor.ALERTMANAGER,
                notification(json("alertmanager-v4-probe-failure.json")), RULES, NOW);

        assertThat(report.title()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
        assertThat(report.summary()).isEqualTo(
                "Instance https://server.example.org has been down for over 5m. Job: http_checks");
        assertThat(report.severity()).isEqualTo(Severity.SEV1);
        assertThat(report.dedupKey()).isEqualTo("alertmanager:{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}");
        assertThat(report.source()).isEqualTo("Alertmanager");
        assertThat(report.detectedAt()).isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
        assertThat(report.alerts()).containsExactly(new AlertSignal("1a30ba71cca2921f",
                "ProbeFailure (https://server.example.org)", State.FIRING));
    }

    @Test
    void graphanas_example_is_one_group_of_its_org_with_both_alerts_and_its_title_when_no_summary_is_common() {
        DeclareIncident report = AlertGroupReports.report(Monitor.GRAFANA, notification(json("grafana-two-firing.json")),
                RULES, NOW);

        assertThat(report.dedupKey()).isEqualTo("grafana:1:{}:{}");
        assertThat(report.title()).isEqualTo("[FIRING:2]  (blue)");
        assertThat(report.summary()).startsWith("**Firing**");
        assertThat(report.severity()).as("no severity label: the default").isEqualTo(Severity.SEV3);
        assertThat(report.detectedAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
        assertThat(report.alerts()).extracting(AlertSignal::key, AlertSignal::name)
                .containsExactly(tuple("c6eadffa33fcdf37", "High memory usage"),
                        tuple("bc97ff14869b13e3", "High CPU usage"));
    }

    @Test
    void components_come_from_the_configured_labels_and_name_the_alerts() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        ((ObjectNode) body.withArray("alerts").get(0).get("labels")).put("component", "edge");

        DeclareIncident report = AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW);

        assertThat(report.components()).containsExactly("edge");
        assertThat(report.alerts().getFirst().name()).isEqualTo("ProbeFailure (edge)");
    }

    @Test
    void the_highest_severity_of_the_firing_alerts_counts() {
        ObjectNode body = json("grafana-two-firing.json");
        ((ObjectNode) body.withArray("alerts").get(0).get("labels")).put("severity", "warning");
        ((ObjectNode) body.withArray("alerts").get(1).get("labels")).put("severity", "Error");

        assertThat(AlertGroupReports.report(Monitor.GRAFANA, notification(body), RULES, NOW).severity())
                .isEqualTo(Severity.SEV2);
    }

    @Test
    void a_resolved_notification_reports_every_alert_resolved() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json").put("status", "resolved");
        ((ObjectNode) body.withArray("alerts").get(0)).put("status", "resolved")
                .put("endsAt", "2023-02-06T13:20:45.828Z");

        DeclareIncident report = AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW);

        assertThat(report.alerts()).extracting(AlertSignal::state).containsOnly(State.RESOLVED);
        assertThat(report.detectedAt()).isNull();
    }

    @Test
    void a_clock_ahead_of_ours_never_makes_a_detection_in_the_future() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        ((ObjectNode) body.withArray("alerts").get(0)).put("startsAt", "2026-12-03T10:05:00Z");

        assertThat(AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW).detectedAt())
                .isEqualTo(NOW);
    }

    @Test
    void a_group_key_too_long_for_a_dedup_key_is_digested_and_stays_the_groups_own() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json").put("groupKey", "{}:" + "x".repeat(400));

        String dedupKey = AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW).dedupKey();

        assertThat(dedupKey).startsWith("alertmanager:sha256:").hasSizeLessThanOrEqualTo(CommandLimits.DEDUP_KEY_MAX);
        assertThat(AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW).dedupKey())
                .isEqualTo(dedupKey);
    }

    @Test
    void a_huge_group_is_cut_to_the_reports_limit_keeping_the_firing_alerts() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        ArrayNode alerts = body.putArray("alerts");
        for (int i = 0; i < 300; i++) {
            ObjectNode alert = alerts.addObject().put("status", i < 250 ? "resolved" : "firing")
                    .put("fingerprint", "fp-" + i);
            alert.putObject("labels").put("alertname", "Disk" + i).put("title", "x".repeat(300));
        }

        DeclareIncident report = AlertGroupReports.report(Monitor.ALERTMANAGER, notification(body), RULES, NOW);

        assertThat(report.alerts()).hasSize(CommandLimits.ALERTS_MAX);
        assertThat(report.alerts()).filteredOn(AlertSignal::firing).hasSize(50);
    }

    @Test
    void hostile_or_foreign_bodies_are_refused_naming_the_field() {
        List<ObjectNode> bodies = List.of(
                json("alertmanager-v4-probe-failure.json").put("version", "3"),
                json("alertmanager-v4-probe-failure.json").put("groupKey", " "),
                emptyAlerts(),
                statusOfFirstAlert("pending"),
                startOfFirstAlert("yesterday"));
        List<String> fields = List.of("version", "groupKey", "alerts", "alerts.status", "alerts.startsAt");

        for (int i = 0; i < bodies.size(); i++) {
            AlertGroupNotification hostile = notification(bodies.get(i));
            String field = fields.get(i);
            assertThatThrownBy(() -> AlertGroupReports.report(Monitor.ALERTMANAGER, hostile, RULES, NOW))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo(field));
        }
    }

    private static ObjectNode emptyAlerts() {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        body.putArray("alerts");
        return body;
    }

    private static ObjectNode statusOfFirstAlert(String status) {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        ((ObjectNode) body.withArray("alerts").get(0)).put("status", status);
        return body;
    }

    private static ObjectNode startOfFirstAlert(String startsAt) {
        ObjectNode body = json("alertmanager-v4-probe-failure.json");
        ((ObjectNode) body.withArray("alerts").get(0)).put("startsAt", startsAt);
        return body;
    }
}
