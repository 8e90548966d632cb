package dev.incidents.projection.domain;

import dev.incidents.projection.domain.Fact.CustomerReportLinked;
import dev.incidents.projection.domain.Fact.Declared;
import dev.incidents.projection.domain.Fact.RcaPublished;
import dev.incidents.projection.domain.Fact.Reopened;
import dev.incidents.projection.domain.Fact.Resolved;
import dev.incidents.projection.domain.Fact.SeverityChanged;
import dev.incidents.projection.domain.Fact.UpdatePosted;
import dev.incidents.projection.domain.Projection.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration SEV1 = Duration.ofMinutes(15);
    static final Duration SEV2 = Duration.ofMinutes(30);
    static final Instant FIRST_DEADLINE = T0.plus(SEV2);

    final Projection projection = new Projection(DetectionPolicy.defaults());

    @Test
    void a_declaration_opens_the_view_and_watches_its_first_deadline() {
        IncidentView view = given(declared());

        assertThat(view.version()).isEqualTo(1);
        assertThat(view.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(view.open()).isTrue();
        assertThat(view.nextUpdateDueAt()).isEqualTo(FIRST_DEADLINE);
        assertThat(projection.plan(view)).containsExactly(
                new Timer(FIRST_DEADLINE.minus(Duration.ofMinutes(5)), "inc-1", Timer.Kind.DUE_SOON, FIRST_DEADLINE),
                new Timer(FIRST_DEADLINE, "inc-1", Timer.Kind.OVERDUE, FIRST_DEADLINE));
    }

    @Test
    void a_public_update_by_the_deadline_keeps_the_promise_and_sets_the_next_one() {
        Instant next = T0.plus(Duration.ofMinutes(40));
        IncidentView view = given(declared(), publicUpdate(T0.plus(Duration.ofMinutes(20)), next));

        assertThat(view.promisesKept()).isEqualTo(1);
        assertThat(view.promisesMissed()).isZero();
        assertThat(view.firstPublicUpdateAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(view.nextUpdateDueAt()).isEqualTo(next);
        assertThat(projection.plan(view)).extracting(Timer::deadline).containsOnly(next);
    }

    @Test
    void an_update_exactly_at_the_deadline_keeps_the_promise() {
        IncidentView view = given(declared(), publicUpdate(FIRST_DEADLINE, FIRST_DEADLINE.plus(SEV2)));
        assertThat(view.promisesKept()).isEqualTo(1);
    }

    @Test
    void an_internal_update_keeps_no_promise() {
        IncidentView view = given(declared(), new UpdatePosted(Status.IDENTIFIED, false, "db failover",
                FIRST_DEADLINE, SEV2), T0.plusSeconds(60));
        assertThat(view.promisesKept()).isZero();
        assertThat(view.lastPublicUpdateAt()).isNull();
        assertThat(view.status()).isEqualTo(Status.IDENTIFIED);
    }

    @Test
    void a_passed_deadline_makes_the_incident_overdue_once_and_escalates_while_it_stays_so() {
        IncidentView view = given(declared());
        Projection.Fired overdue = fire(view, Timer.Kind.OVERDUE, FIRST_DEADLINE.plusSeconds(2));

        assertThat(overdue.detections().get(0).kind()).isEqualTo(DetectionKind.UPDATE_OVERDUE);
        assertThat(overdue.detections().get(0).lateBy()).isEqualTo(Duration.ofSeconds(2));
        assertThat(overdue.view().overdue()).isTrue();
        assertThat(overdue.view().overdueSince()).isEqualTo(FIRST_DEADLINE);
        assertThat(projection.plan(overdue.view())).containsExactly(new Timer(FIRST_DEADLINE.plus(Duration.ofMinutes(10)),
                "inc-1", Timer.Kind.STILL_OVERDUE, FIRST_DEADLINE));

        Projection.Fired still = fire(overdue.view(), Timer.Kind.STILL_OVERDUE, FIRST_DEADLINE.plus(Duration.ofMinutes(10)));
        Projection.Fired again = fire(still.view(), Timer.Kind.STILL_OVERDUE, FIRST_DEADLINE.plus(Duration.ofMinutes(20)));
        assertThat(List.of(still.detections().get(0), again.detections().get(0))).extracting(Detection::kind)
                .containsOnly(DetectionKind.UPDATE_STILL_OVERDUE);
        assertThat(still.detections().get(0).detectionId()).isNotEqualTo(again.detections().get(0).detectionId());
        assertThat(List.of(still.detections().get(0), again.detections().get(0))).extracting(Detection::repeat)
                .containsExactly(1, 2);
        assertThat(again.detections().get(0).lateBy()).isEqualTo(Duration.ofMinutes(20));
        assertThat(projection.plan(again.view())).extracting(Timer::dueAt)
                .containsExactly(FIRST_DEADLINE.plus(Duration.ofMinutes(30)));
    }

    @Test
    void the_late_update_counts_a_missed_promise_and_clears_the_overdue_alert() {
        IncidentView overdue = fire(given(declared()), Timer.Kind.OVERDUE, FIRST_DEADLINE).view();
        Instant late = FIRST_DEADLINE.plus(Duration.ofMinutes(7));

        Outcome.Applied applied = apply(overdue, publicUpdate(late, late.plus(SEV2)), 2);

        assertThat(applied.view().promisesMissed()).isEqualTo(1);
        assertThat(applied.view().lateUpdateSeconds()).containsExactly(Duration.ofMinutes(7).toSeconds());
        assertThat(applied.view().overdue()).isFalse();
        assertThat(applied.detections()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetectionKind.UPDATE_OVERDUE_CLEARED);
            assertThat(d.deadline()).isEqualTo(FIRST_DEADLINE);
            assertThat(d.lateBy()).isEqualTo(Duration.ofMinutes(7));
        });
    }

    @Test
    void resolving_while_overdue_clears_the_alert_and_watches_the_rca_commitment() {
        IncidentView overdue = fire(given(declared()), Timer.Kind.OVERDUE, FIRST_DEADLINE).view();
        Instant rcaDue = T0.plus(Duration.ofDays(5));

        Outcome.Applied resolved = apply(overdue, new Resolved("fixed", rcaDue), 2);

        assertThat(resolved.detections()).extracting(Detection::kind)
                .containsExactly(DetectionKind.UPDATE_OVERDUE_CLEARED);
        assertThat(resolved.view().open()).isFalse();
        assertThat(projection.plan(resolved.view()))
                .containsExactly(new Timer(rcaDue, "inc-1", Timer.Kind.RCA_OVERDUE, rcaDue));
    }

    @Test
    void a_missed_rca_date_is_detected_and_a_late_rca_settles_it() {
        Instant rcaDue = T0.plus(Duration.ofDays(5));
        IncidentView resolved = given(declared(), new Resolved("fixed", rcaDue), T0.plusSeconds(600));
        Projection.Fired rcaOverdue = fire(resolved, Timer.Kind.RCA_OVERDUE, rcaDue.plusSeconds(1));

        assertThat(rcaOverdue.detections().get(0).kind()).isEqualTo(DetectionKind.RCA_OVERDUE);
        assertThat(rcaOverdue.view().rcaOverdue()).isTrue();
        assertThat(projection.plan(rcaOverdue.view())).isEmpty();
        IncidentView published = apply(rcaOverdue.view(), rca(), 3).view();
        assertThat(published.rcaOverdue()).isFalse();
        assertThat(published.rcaPublishedAt()).isNotNull();
    }

    @Test
    void reopening_watches_a_fresh_deadline_and_drops_the_rca_commitment() {
        Instant reopenedDeadline = T0.plus(Duration.ofHours(2));
        IncidentView view = given(declared(), new Resolved("fixed", T0.plus(Duration.ofDays(5))),
                T0.plusSeconds(600));
        view = apply(view, new Reopened("back", reopenedDeadline, SEV2), 3).view();

        assertThat(view.open()).isTrue();
        assertThat(view.rcaDueAt()).isNull();
        assertThat(projection.plan(view)).extracting(Timer::kind)
                .containsExactly(Timer.Kind.DUE_SOON, Timer.Kind.OVERDUE);
    }

    @Test
    void a_raised_severity_moves_the_deadline_earlier() {
        Instant tighter = T0.plus(SEV1);
        IncidentView view = given(declared(), new SeverityChanged(Severity.SEV1, "worse", tighter, SEV1),
                T0.plusSeconds(1));
        assertThat(projection.plan(view)).contains(new Timer(tighter, "inc-1", Timer.Kind.OVERDUE, tighter));
        assertThat(projection.fire(view, new Timer(FIRST_DEADLINE, "inc-1", Timer.Kind.OVERDUE, FIRST_DEADLINE),
                FIRST_DEADLINE)).as("the old deadline's timer is stale").isEmpty();
    }

    @Test
    void due_soon_warns_once_per_deadline_and_never_earlier_than_a_third_of_the_cadence() {
        Duration nineMinutes = Duration.ofMinutes(9);
        Instant deadline = T0.plus(nineMinutes);
        IncidentView view = given(new Declared("t", Severity.SEV1, "s", List.of(), null, T0, deadline, nineMinutes));
        Timer dueSoon = projection.plan(view).get(0);
        assertThat(dueSoon.dueAt()).isEqualTo(deadline.minus(Duration.ofMinutes(3)));

        IncidentView warned = projection.fire(view, dueSoon, dueSoon.dueAt()).orElseThrow().view();
        assertThat(projection.plan(warned)).extracting(Timer::kind).containsExactly(Timer.Kind.OVERDUE);
    }

    @Test
    void a_late_punctuation_drops_a_due_soon_whose_deadline_passed_and_counts_elapsed_escalations() {
        IncidentView view = given(declared());
        Timer dueSoon = projection.plan(view).get(0);
        Projection.Fired late = projection.fire(view, dueSoon, FIRST_DEADLINE.plusSeconds(1)).orElseThrow();
        assertThat(late.detections()).isEmpty();

        IncidentView overdue = fire(late.view(), Timer.Kind.OVERDUE, FIRST_DEADLINE.plusSeconds(1)).view();
        Timer still = projection.plan(overdue).get(0);
        Projection.Fired caughtUp = projection.fire(overdue, still, FIRST_DEADLINE.plus(Duration.ofMinutes(35)))
                .orElseThrow();
        assertThat(caughtUp.view().stillOverdueCount()).isEqualTo(3);
        assertThat(projection.plan(caughtUp.view())).extracting(Timer::dueAt)
                .containsExactly(FIRST_DEADLINE.plus(Duration.ofMinutes(40)));
    }

    @Test
    void detection_ids_are_the_same_when_decided_again() {
        IncidentView view = given(declared());
        assertThat(fire(view, Timer.Kind.OVERDUE, FIRST_DEADLINE.plusSeconds(1)).detections().get(0).detectionId())
                .isEqualTo(fire(view, Timer.Kind.OVERDUE, FIRST_DEADLINE.plusSeconds(9)).detections().get(0).detectionId());
    }

    @Test
    void a_customer_who_told_us_before_our_first_public_update_is_counted() {
        IncidentView view = given(declared(), new CustomerReportLinked(T0.plusSeconds(30), "support"),
                T0.plusSeconds(40));
        assertThat(view.customerReportedFirst()).isTrue();
        view = apply(view, publicUpdate(T0.plusSeconds(60), FIRST_DEADLINE), 3).view();
        assertThat(view.customerReportedFirst()).isTrue();

        IncidentView ours = given(declared(), publicUpdate(T0.plusSeconds(10), FIRST_DEADLINE));
        ours = apply(ours, new CustomerReportLinked(T0.plusSeconds(30), "support"), 3).view();
        assertThat(ours.customerReportedFirst()).isFalse();
    }

    @Test
    void a_repeated_event_and_a_gap_leave_the_state_as_it_was() {
        IncidentView view = given(declared());
        assertThat(projection.apply(view, new RecordedFact("inc-1", 1, T0, "a", declared())))
                .isInstanceOfSatisfying(Outcome.Skipped.class,
                        s -> assertThat(s.reason()).isEqualTo(Outcome.Skipped.Reason.DUPLICATE));
        assertThat(projection.apply(view, new RecordedFact("inc-1", 3, T0, "a", rca())))
                .isInstanceOfSatisfying(Outcome.Skipped.class,
                        s -> assertThat(s.reason()).isEqualTo(Outcome.Skipped.Reason.GAP));
        assertThat(projection.apply(null, new RecordedFact("inc-2", 1, T0, "a", rca())))
                .isInstanceOf(Outcome.Skipped.class);
    }

    @Test
    void the_timeline_keeps_each_event_with_its_audience() {
        Outcome.Applied internal = apply(given(declared()), new UpdatePosted(Status.IDENTIFIED, false, "failover",
                FIRST_DEADLINE, SEV2), 2);
        assertThat(internal.entry()).isEqualTo(new TimelineEntry(2, "UpdatePosted", T0.plusSeconds(2), "alice",
                false, "failover", Status.IDENTIFIED));
    }

    @Test
    void each_severity_and_each_reopening_opens_an_impact_period_and_a_resolution_ends_it() {
        IncidentView view = apply(null, declared(), 1).view();
        view = apply(view, new FactAt(T0.plusSeconds(600), new SeverityChanged(Severity.SEV1, "worse",
                FIRST_DEADLINE, SEV1)), 2).view();
        view = apply(view, new FactAt(T0.plusSeconds(1200), new Resolved("fixed", T0.plus(Duration.ofDays(3)))), 3)
                .view();
        view = apply(view, new FactAt(T0.plusSeconds(3600), new Reopened("back", T0.plusSeconds(4500), SEV1)), 4)
                .view();

        assertThat(view.impact()).containsExactly(
                new ImpactPeriod(T0.plusSeconds(1), T0.plusSeconds(600), Severity.SEV2),
                new ImpactPeriod(T0.plusSeconds(600), T0.plusSeconds(1200), Severity.SEV1),
                new ImpactPeriod(T0.plusSeconds(3600), null, Severity.SEV1));
    }

    @Test
    void only_what_customers_may_read_is_public_on_the_timeline() {
        IncidentView view = given(declared());
        assertThat(apply(view, new SeverityChanged(Severity.SEV1, "the CEO called", FIRST_DEADLINE, SEV2), 2)
                .entry().isPublic()).isFalse();
        assertThat(apply(view, new CustomerReportLinked(T0, "support"), 2).entry().isPublic()).isFalse();
        assertThat(apply(view, publicUpdate(T0.plusSeconds(60), FIRST_DEADLINE), 2).entry().isPublic()).isTrue();
        assertThat(apply(null, declared(), 1).entry().isPublic()).isTrue();
    }

    @Test
    void a_published_rca_reads_as_root_cause_vendor_and_our_own_corrective_actions() {
        Fact report = new RcaPublished("Expired certificate at the CDN", List.of(plan("CA-1", "Alert 30 days before expiry"),
                plan("CA-2", "Second CDN in front of checkout")), "FastEdge: certificate not renewed");
        assertThat(report.isPublic()).isTrue();
        assertThat(report.text()).isEqualTo("""
                Root cause: Expired certificate at the CDN
                Third party involved: FastEdge: certificate not renewed
                Our corrective actions:
                - Alert 30 days before expiry
                - Second CDN in front of checkout""");
    }

    private static RcaPublished rca() {
        return new RcaPublished("dns", List.of(plan("CA-1", "Add a second resolver")), null);
    }

    static Fact.ActionPlan plan(String id, String description) {
        return new Fact.ActionPlan(id, description, "sre", null);
    }

    private IncidentView given(Fact... facts) {
        IncidentView view = null;
        for (int i = 0; i < facts.length; i++) {
            view = apply(view, facts[i], i + 1).view();
        }
        return view;
    }

    private IncidentView given(Fact first, Fact second, Instant secondAt) {
        return apply(apply(null, first, 1).view(), new FactAt(secondAt, second), 2).view();
    }

    private IncidentView given(Fact first, FactAt second) {
        return apply(apply(null, first, 1).view(), second, 2).view();
    }

    private Outcome.Applied apply(IncidentView view, Fact fact, long sequence) {
        return (Outcome.Applied) projection.apply(view,
                new RecordedFact("inc-1", sequence, T0.plusSeconds(sequence), "alice", fact));
    }

    private Outcome.Applied apply(IncidentView view, FactAt update, long sequence) {
        return (Outcome.Applied) projection.apply(view,
                new RecordedFact("inc-1", sequence, update.at(), "alice", update.update()));
    }

    private Projection.Fired fire(IncidentView view, Timer.Kind kind, Instant now) {
        Timer timer = projection.plan(view).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
        return projection.fire(view, timer, now).orElseThrow();
    }

    static Declared declared() {
        return new Declared("Checkout down", Severity.SEV2, "Payments fail", List.of("checkout"), "alice",
                T0.minusSeconds(120), FIRST_DEADLINE, SEV2);
    }

    static FactAt publicUpdate(Instant at, Instant next) {
        return new FactAt(at, new UpdatePosted(Status.IDENTIFIED, true, "found it", next, SEV2));
    }

    /** A fact with the moment it happened. */
    record FactAt(Instant at, Fact update) {
    }
}
