package dev.incidents.commands.domain;

import dev.incidents.commands.domain.AlertSignal.State;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.IncidentEvent.IncidentDeclared;
import dev.incidents.commands.domain.IncidentEvent.SeverityChanged;
import dev.incidents.commands.domain.IncidentEvent.UpdatePosted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.incidents.commands.domain.DeciderSpecification.NOW;
import static dev.incidents.commands.domain.DeciderSpecification.given;
import static dev.incidents.commands.domain.Rejection.Reason.INVALID;
import static dev.incidents.commands.domain.Rejection.Reason.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/** A monitor's reports of its alert group, declaring an incident and then joining it. */
class AlertReportsTest {

    static final Duration SEV2_CADENCE = Duration.ofMinutes(30);
    static final Instant DECLARED_AT = NOW.minus(Duration.ofMinutes(10));
    static final String GROUP = "alertmanager:{}:{alertname=\"HighLatency\"}";
    static final AlertSignal API_FIRING = new AlertSignal("fp-api", "HighLatency api", State.FIRING);
    static final AlertSignal DB_FIRING = new AlertSignal("fp-db", "HighLatency db", State.FIRING);

    static DeclareIncident report(Severity severity, AlertSignal... alerts) {
        return new DeclareIncident("High latency", severity, "p99 over 2 s", List.of("api"), null, null, GROUP,
                "Alertmanager", List.of(alerts));
    }

    static IncidentDeclared declaredBy(AlertSignal... alerts) {
        return new IncidentDeclared("High latency", Severity.SEV2, "p99 over 2 s", List.of("api"), null, DECLARED_AT,
                GROUP, "Alertmanager", DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(alerts));
    }

    static AlertSignal resolved(AlertSignal alert) {
        return new AlertSignal(alert.key(), alert.name(), State.RESOLVED);
    }

    @Test
    void a_report_with_a_firing_alert_declares_an_incident_that_knows_its_alerts() {
        DeciderSpecification spec = given().whenUnheld(report(Severity.SEV2, API_FIRING));

        spec.then(new IncidentDeclared("High latency", Severity.SEV2, "p99 over 2 s", List.of("api"), null, NOW,
                GROUP, "Alertmanager", NOW.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(API_FIRING)));
        assertThat(spec.stateAfter().alerts()).isEqualTo(Map.of("fp-api", State.FIRING));
    }

    @Test
    void a_report_in_which_nothing_fires_declares_nothing() {
        given().whenUnheld(report(Severity.SEV2, resolved(API_FIRING))).thenRejected(NOT_FOUND, "dedupKey");
        given().whenUnheld(report(Severity.SEV2, new AlertSignal("fp-api", "HighLatency api", State.ACKNOWLEDGED)))
                .thenRejected(NOT_FOUND, "dedupKey");
    }

    @Test
    void a_repeated_report_changes_nothing() {
        given(declaredBy(API_FIRING)).whenJoining(report(Severity.SEV2, API_FIRING)).then();
    }

    @Test
    void a_person_declaring_again_changes_nothing() {
        given(declaredBy(API_FIRING)).whenJoining(new DeclareIncident("High latency", Severity.SEV1, "again", null,
                null, null, GROUP, null)).then();
    }

    @Test
    void an_alert_joining_the_group_is_named_in_an_internal_update_that_keeps_the_deadline() {
        DeciderSpecification spec = given(declaredBy(API_FIRING))
                .whenJoining(report(Severity.SEV2, API_FIRING, DB_FIRING));

        spec.then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Alertmanager: 1 alert firing: HighLatency db.",
                Audience.INTERNAL, DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(DB_FIRING)));
        assertThat(spec.stateAfter().alerts()).containsOnlyKeys("fp-api", "fp-db");
    }

    @Test
    void when_every_alert_is_resolved_the_update_says_so_and_the_incident_stays_open_for_a_person() {
        DeciderSpecification spec = given(declaredBy(API_FIRING, DB_FIRING))
                .whenJoining(report(Severity.SEV2, resolved(API_FIRING), resolved(DB_FIRING)));

        spec.then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Alertmanager: 2 alerts resolved: HighLatency api, "
                + "HighLatency db. All alerts are resolved. Confirm the recovery and resolve the incident with its "
                + "RCA commitment: monitors do not resolve incidents.", Audience.INTERNAL,
                DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(resolved(API_FIRING), resolved(DB_FIRING))));
        assertThat(spec.stateAfter().isResolved()).isFalse();
    }

    @Test
    void a_resolved_alert_reported_again_says_nothing_more() {
        given(declaredBy(API_FIRING, DB_FIRING), new UpdatePosted(IncidentStatus.INVESTIGATING, "resolved",
                Audience.INTERNAL, DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(resolved(DB_FIRING))))
                .whenJoining(report(Severity.SEV2, API_FIRING, resolved(DB_FIRING))).then();
    }

    @Test
    void an_acknowledgement_is_an_internal_update() {
        AlertSignal acknowledged = new AlertSignal("fp-api", "HighLatency api", State.ACKNOWLEDGED);

        given(declaredBy(API_FIRING)).whenJoining(report(Severity.SEV2, acknowledged))
                .then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Alertmanager: 1 alert acknowledged: "
                        + "HighLatency api.", Audience.INTERNAL, DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE,
                        List.of(acknowledged)));
    }

    @Test
    void a_firing_alert_of_a_higher_severity_raises_it_with_a_reason_and_tightens_the_deadline() {
        given(declaredBy(API_FIRING)).whenJoining(report(Severity.SEV1, API_FIRING))
                .then(new SeverityChanged(Severity.SEV2, Severity.SEV1, "Alertmanager reports firing alerts of SEV1.",
                        NOW.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15)));
    }

    @Test
    void a_report_of_a_lower_severity_never_lowers_it() {
        given(declaredBy(API_FIRING)).whenJoining(report(Severity.SEV4, API_FIRING)).then();
    }

    @Test
    void a_report_with_changes_and_a_higher_severity_tells_both() {
        given(declaredBy(API_FIRING, DB_FIRING)).whenJoining(report(Severity.SEV1, API_FIRING, resolved(DB_FIRING)))
                .then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Alertmanager: 1 alert resolved: HighLatency db.",
                        Audience.INTERNAL, DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, List.of(resolved(DB_FIRING))),
                        new SeverityChanged(Severity.SEV2, Severity.SEV1, "Alertmanager reports firing alerts of SEV1.",
                                NOW.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15)));
    }

    @Test
    void resolved_alerts_of_a_higher_severity_raise_nothing() {
        DeciderSpecification spec = given(declaredBy(API_FIRING))
                .whenJoining(report(Severity.SEV1, resolved(API_FIRING)));

        assertThat(spec.stateAfter().severity()).isEqualTo(Severity.SEV2);
    }

    @Test
    void an_update_names_a_few_alerts_and_counts_the_rest() {
        List<AlertSignal> many = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> new AlertSignal("fp-" + i, "Disk" + i, State.FIRING)).toList();

        DeciderSpecification spec = given(declaredBy(API_FIRING))
                .whenJoining(report(Severity.SEV2, many.toArray(AlertSignal[]::new)));

        assertThat(((UpdatePosted) ((Decision.Accepted<IncidentEvent>) spec.decision()).events().getFirst()).message())
                .isEqualTo("Alertmanager: 8 alerts firing: Disk1, Disk2, Disk3, Disk4, Disk5 and 3 more.");
    }

    @Test
    void a_report_names_each_alert_once_under_a_dedup_key() {
        given().whenUnheld(report(Severity.SEV2, API_FIRING, API_FIRING)).thenRejected(INVALID, "alerts.key");
        given().when(new DeclareIncident("t", Severity.SEV2, "s", null, null, null, null, "Grafana",
                List.of(API_FIRING))).thenRejected(INVALID, "dedupKey");
        given().when(report(Severity.SEV2, new AlertSignal("fp", " ", State.FIRING)))
                .thenRejected(INVALID, "alerts.name");
    }

    @Test
    void an_incident_keeps_track_of_a_bounded_number_of_alerts_forgetting_resolved_ones_first() {
        List<AlertSignal> resolvedOnes = IntStream.range(0, Incident.TRACKED_ALERTS_MAX)
                .mapToObj(i -> new AlertSignal("old-" + i, "Old" + i, State.RESOLVED)).toList();
        Incident state = IncidentDecider.evolve(null, "inc-1", declaredBy(API_FIRING));
        state = IncidentDecider.evolve(state, "inc-1", new UpdatePosted(IncidentStatus.INVESTIGATING, "m",
                Audience.INTERNAL, DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE, resolvedOnes));

        assertThat(state.alerts()).hasSize(Incident.TRACKED_ALERTS_MAX).containsEntry("fp-api", State.FIRING);
    }
}
