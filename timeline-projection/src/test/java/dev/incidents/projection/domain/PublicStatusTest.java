package dev.incidents.projection.domain;

import dev.incidents.projection.domain.Fact.CustomerReportLinked;
import dev.incidents.projection.domain.Fact.Declared;
import dev.incidents.projection.domain.Fact.RcaPublished;
import dev.incidents.projection.domain.Fact.Resolved;
import dev.incidents.projection.domain.Fact.SeverityChanged;
import dev.incidents.projection.domain.Fact.UpdatePosted;
import dev.incidents.projection.domain.StatusBoard.ComponentState;
import dev.incidents.projection.domain.StatusBoard.Condition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the public status page may show, built from events the way the projection applies them. */
class PublicStatusTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration CADENCE = Duration.ofMinutes(15);

    final Projection projection = new Projection(DetectionPolicy.defaults());

    @Test
    void a_public_incident_holds_public_words_only() {
        PublicIncident incident = given("inc-1", declared(Severity.SEV2, "checkout"),
                new UpdatePosted(Status.IDENTIFIED, false, "SECRET: alice restarted db-7", T0.plus(CADENCE), CADENCE),
                new SeverityChanged(Severity.SEV1, "SECRET: the CEO called", T0.plus(CADENCE), CADENCE),
                new CustomerReportLinked(T0, "SECRET-support"),
                new UpdatePosted(Status.IDENTIFIED, true, "We found the cause.", T0.plus(CADENCE.multipliedBy(2)),
                        CADENCE));

        assertThat(incident.updates()).extracting(PublicIncident.PublicUpdate::text)
                .containsExactly("Checkout down: Payments fail", "We found the cause.");
        assertThat(incident.updates()).extracting(PublicIncident.PublicUpdate::status)
                .containsExactly(Status.INVESTIGATING, Status.IDENTIFIED);
        assertThat(incident.toString()).doesNotContain("SECRET").doesNotContain("alice");
        assertThat(incident.nextUpdateDueAt()).isEqualTo(T0.plus(CADENCE.multipliedBy(2)));
        assertThat(incident.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(incident.rca()).isNull();
    }

    @Test
    void customers_see_the_status_of_the_last_public_word_not_of_an_internal_update() {
        PublicIncident incident = given("inc-1", declared(Severity.SEV2, "checkout"),
                new UpdatePosted(Status.MONITORING, false, "fix deployed to canary", T0.plus(CADENCE), CADENCE));

        assertThat(incident.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(incident.open()).isTrue();
    }

    @Test
    void a_resolved_incident_promises_no_update_and_carries_its_rca_once_published() {
        Instant rcaDue = T0.plus(Duration.ofDays(5));
        PublicIncident resolved = given("inc-1", declared(Severity.SEV1, "checkout"),
                new Resolved("Payments work again.", rcaDue));
        assertThat(resolved.nextUpdateDueAt()).isNull();
        assertThat(resolved.rcaDueAt()).isEqualTo(rcaDue);
        assertThat(resolved.rca()).isNull();

        PublicIncident reported = given("inc-1", declared(Severity.SEV1, "checkout"),
                new Resolved("Payments work again.", rcaDue),
                new RcaPublished("Expired certificate", List.of(ProjectionTest.plan("CA-1", "Alert before expiry")),
                        "FastEdge: no renewal"));
        assertThat(reported.rca()).contains("Expired certificate", "FastEdge", "Alert before expiry");
        assertThat(reported.correctiveActions()).containsExactly(new PublicIncident.PublicAction("CA-1",
                "Alert before expiry", CorrectiveActionView.State.OPEN, null, null));
        assertThat(resolved.correctiveActions()).as("none shown before the report").isEmpty();
        assertThat(reported.updates()).extracting(PublicIncident.PublicUpdate::text)
                .containsExactly("Checkout down: Payments fail", "Payments work again.");
        assertThat(reported.rcaPublishedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void each_component_shows_the_worst_open_incident_and_listed_ones_show_even_when_well() {
        PublicIncident partial = given("inc-1", declared(Severity.SEV2, "checkout", "search"));
        PublicIncident major = given("inc-2", declared(Severity.SEV1, "checkout"));
        PublicIncident over = given("inc-3", declared(Severity.SEV1, "login"), new Resolved("Fixed", T0));

        StatusBoard board = StatusBoard.of(List.of(new ListedComponent("api", "Public API", null),
                new ListedComponent("checkout", "Checkout", "Shop")), Set.of(), List.of(partial, major, over),
                List.of(), T0.plus(Duration.ofHours(1)));

        assertThat(board.components()).containsExactly(
                new ComponentState("api", "Public API", null, Condition.OPERATIONAL, null),
                new ComponentState("checkout", "Checkout", "Shop", Condition.MAJOR_OUTAGE, T0.plusSeconds(1)),
                new ComponentState("login", "login", null, Condition.OPERATIONAL, null),
                new ComponentState("search", "search", null, Condition.PARTIAL_OUTAGE, T0.plusSeconds(1)));
        assertThat(board.open()).as("worst first").extracting(PublicIncident::incidentId)
                .containsExactly("inc-2", "inc-1");
        assertThat(board.history()).extracting(PublicIncident::incidentId).containsExactly("inc-3");
        assertThat(board.worstOpenSeverity()).contains(Severity.SEV1);
    }

    @Test
    void a_component_the_catalog_keeps_from_the_public_is_never_on_the_board_even_when_an_incident_names_it() {
        PublicIncident incident = given("inc-1", declared(Severity.SEV1, "checkout", "ledger-db"));

        StatusBoard board = StatusBoard.of(List.of(new ListedComponent("checkout", "Checkout", "Shop")),
                Set.of("ledger-db"), List.of(incident), List.of(), T0.plusSeconds(60));

        assertThat(board.components()).extracting(ComponentState::id).containsExactly("checkout");
        assertThat(board.components().getFirst().condition()).isEqualTo(Condition.MAJOR_OUTAGE);
        assertThat(board.open().getFirst().components()).as("nor in the incident's own list").containsExactly(
                "checkout");
    }

    @Test
    void history_keeps_ninety_days_of_resolved_incidents_newest_first() {
        PublicIncident old = given("old", declared(Severity.SEV3, "api"), new Resolved("Fixed", T0));
        PublicIncident recent = given("recent", declared(Severity.SEV3, "api"), new Resolved("Fixed", T0));
        Instant now = T0.plus(StatusBoard.HISTORY).plus(Duration.ofHours(1));
        PublicIncident newer = new PublicIncident("newer", "t", Severity.SEV3, Status.RESOLVED, List.of(), now, now,
                now, null, null, null, null, List.of(), List.of(), List.of());

        StatusBoard board = StatusBoard.of(List.of(), Set.of(), List.of(old, newer,
                recentResolvedAt(recent, now.minusSeconds(1))), List.of(), now);

        assertThat(board.history()).extracting(PublicIncident::incidentId).containsExactly("newer", "recent");
        assertThat(board.worstOpenSeverity()).isEmpty();
    }

    private static PublicIncident recentResolvedAt(PublicIncident incident, Instant resolvedAt) {
        return new PublicIncident(incident.incidentId(), incident.title(), incident.severity(), incident.status(),
                incident.components(), incident.declaredAt(), resolvedAt, resolvedAt, null, null, null, null,
                incident.updates(), incident.correctiveActions(), incident.impact());
    }

    private PublicIncident given(String incidentId, Fact... facts) {
        IncidentView view = null;
        List<TimelineEntry> timeline = new ArrayList<>();
        for (int i = 0; i < facts.length; i++) {
            Projection.Outcome.Applied applied = (Projection.Outcome.Applied) projection.apply(view,
                    new RecordedFact(incidentId, i + 1, T0.plusSeconds(i + 1L), "alice", facts[i]));
            view = applied.view();
            timeline.add(applied.entry());
        }
        return PublicIncident.of(view, timeline);
    }

    private static Declared declared(Severity severity, String... components) {
        return new Declared("Checkout down", severity, "Payments fail", List.of(components), "alice", T0,
                T0.plus(CADENCE), CADENCE);
    }
}
