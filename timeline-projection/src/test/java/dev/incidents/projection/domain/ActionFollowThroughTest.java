package dev.incidents.projection.domain;

import dev.incidents.projection.domain.Fact.CorrectiveActionCompleted;
import dev.incidents.projection.domain.Fact.CorrectiveActionDeclined;
import dev.incidents.projection.domain.Fact.CorrectiveActionRescheduled;
import dev.incidents.projection.domain.Fact.RcaPublished;
import dev.incidents.projection.domain.Fact.Reopened;
import dev.incidents.projection.domain.Fact.Resolved;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.incidents.projection.domain.ProjectionTest.T0;
import static dev.incidents.projection.domain.ProjectionTest.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The projection holding the team to its RCA's corrective actions: due soon, overdue and repeated, until settled. */
class ActionFollowThroughTest {

    static final Instant DUE = T0.plus(Duration.ofDays(5));
    static final Instant LATER_DUE = T0.plus(Duration.ofDays(9));
    static final Duration DAY = Duration.ofDays(1);

    final Projection projection = new Projection(DetectionPolicy.defaults());
    final List<Fact> facts = new ArrayList<>(List.of(declared(), new Resolved("Recovered", T0.plus(DAY)),
            new RcaPublished("Resolver overload", List.of(
                    new Fact.ActionPlan("CA-1", "Add a second DNS provider", "sre", DUE),
                    new Fact.ActionPlan("CA-2", "Alert on resolver latency", "observability", LATER_DUE)), null)));

    @Test
    void a_published_rca_watches_each_actions_due_date_with_a_warning_a_day_ahead() {
        IncidentView view = given();

        assertThat(view.correctiveActions()).extracting(CorrectiveActionView::id, CorrectiveActionView::owner,
                CorrectiveActionView::state).containsExactly(
                        tuple("CA-1", "sre", CorrectiveActionView.State.OPEN),
                        tuple("CA-2", "observability", CorrectiveActionView.State.OPEN));
        assertThat(projection.plan(view)).contains(
                new Timer(DUE.minus(DAY), "inc-1", Timer.Kind.ACTION_DUE_SOON, DUE, "CA-1"),
                new Timer(DUE, "inc-1", Timer.Kind.ACTION_OVERDUE, DUE, "CA-1"),
                new Timer(LATER_DUE.minus(DAY), "inc-1", Timer.Kind.ACTION_DUE_SOON, LATER_DUE, "CA-2"),
                new Timer(LATER_DUE, "inc-1", Timer.Kind.ACTION_OVERDUE, LATER_DUE, "CA-2"));
    }

    @Test
    void due_soon_tells_the_owner_once() {
        Projection.Fired soon = fire(given(), "CA-1", Timer.Kind.ACTION_DUE_SOON, DUE.minus(DAY));

        Detection detection = soon.detections().get(0);
        assertThat(detection.kind()).isEqualTo(DetectionKind.CORRECTIVE_ACTION_DUE_SOON);
        assertThat(detection.actionId()).isEqualTo("CA-1");
        assertThat(detection.owner()).isEqualTo("sre");
        assertThat(detection.commander()).isEqualTo("alice");
        assertThat(timersOf(soon.view(), "CA-1")).containsExactly(new Timer(DUE, "inc-1", Timer.Kind.ACTION_OVERDUE,
                DUE, "CA-1"));
    }

    @Test
    void a_due_soon_fired_after_the_date_says_nothing_the_overdue_report_will_not() {
        Projection.Fired late = fire(given(), "CA-1", Timer.Kind.ACTION_DUE_SOON, DUE.plusSeconds(1));
        assertThat(late.detections()).isEmpty();
    }

    @Test
    void a_passed_due_date_is_reported_and_reported_again_every_day_it_stays_open() {
        Projection.Fired overdue = fire(given(), "CA-1", Timer.Kind.ACTION_OVERDUE, DUE.plusSeconds(1));
        assertThat(overdue.detections()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DetectionKind.CORRECTIVE_ACTION_OVERDUE);
            assertThat(d.repeat()).isZero();
            assertThat(d.lateBy()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(action(overdue.view(), "CA-1").overdue()).isTrue();
        assertThat(timersOf(overdue.view(), "CA-1")).containsExactly(new Timer(DUE.plus(DAY), "inc-1",
                Timer.Kind.ACTION_OVERDUE, DUE, "CA-1"));

        Projection.Fired again = fire(overdue.view(), "CA-1", Timer.Kind.ACTION_OVERDUE, DUE.plus(DAY));
        assertThat(again.detections().get(0).repeat()).isEqualTo(1);
        assertThat(again.detections().get(0).detectionId()).isNotEqualTo(overdue.detections().get(0).detectionId());

        Projection.Fired afterAnOutage = fire(again.view(), "CA-1", Timer.Kind.ACTION_OVERDUE,
                DUE.plus(Duration.ofDays(4)).plusSeconds(5));
        assertThat(afterAnOutage.detections().get(0).repeat()).as("every day elapsed counted once").isEqualTo(4);
    }

    @Test
    void completing_an_overdue_action_stops_the_reports_and_records_it_late() {
        IncidentView overdue = fire(given(), "CA-1", Timer.Kind.ACTION_OVERDUE, DUE).view();

        IncidentView done = then(overdue, new CorrectiveActionCompleted("CA-1", "https://git.example/pr/3", DUE),
                DUE.plus(Duration.ofHours(3)));

        CorrectiveActionView action = action(done, "CA-1");
        assertThat(action.state()).isEqualTo(CorrectiveActionView.State.COMPLETED);
        assertThat(action.overdue()).isFalse();
        assertThat(action.onTime()).isFalse();
        assertThat(action.settlement()).isEqualTo("https://git.example/pr/3");
        assertThat(timersOf(done, "CA-1")).isEmpty();
        assertThat(timersOf(done, "CA-2")).hasSize(2);
    }

    @Test
    void completing_by_the_due_date_is_on_time() {
        IncidentView done = then(given(), new CorrectiveActionCompleted("CA-2", "Done", LATER_DUE), LATER_DUE);
        assertThat(action(done, "CA-2").onTime()).isTrue();
        assertThat(action(done, "CA-2").settledAt()).isEqualTo(LATER_DUE);
    }

    @Test
    void a_reschedule_moves_the_watch_to_the_new_date_and_clears_an_overdue_report() {
        IncidentView overdue = fire(given(), "CA-1", Timer.Kind.ACTION_OVERDUE, DUE).view();
        Instant moved = DUE.plus(Duration.ofDays(7));

        IncidentView rescheduled = then(overdue, new CorrectiveActionRescheduled("CA-1", DUE, moved, "Vendor delay"),
                DUE.plus(DAY));

        assertThat(action(rescheduled, "CA-1").overdue()).isFalse();
        assertThat(action(rescheduled, "CA-1").timesRescheduled()).isEqualTo(1);
        assertThat(timersOf(rescheduled, "CA-1")).containsExactly(
                new Timer(moved.minus(DAY), "inc-1", Timer.Kind.ACTION_DUE_SOON, moved, "CA-1"),
                new Timer(moved, "inc-1", Timer.Kind.ACTION_OVERDUE, moved, "CA-1"));
    }

    @Test
    void a_declined_action_is_watched_no_more() {
        IncidentView declined = then(given(), new CorrectiveActionDeclined("CA-2", "Covered by CA-1"), T0.plus(DAY));
        assertThat(action(declined, "CA-2").state()).isEqualTo(CorrectiveActionView.State.DECLINED);
        assertThat(action(declined, "CA-2").settlement()).isEqualTo("Covered by CA-1");
        assertThat(timersOf(declined, "CA-2")).isEmpty();
    }

    @Test
    void actions_stay_watched_when_the_incident_is_reopened() {
        IncidentView reopened = then(given(), new Reopened("Errors again", T0.plus(Duration.ofDays(2)),
                Duration.ofMinutes(30)), T0.plus(Duration.ofDays(2)).minusSeconds(60));
        assertThat(timersOf(reopened, "CA-1")).hasSize(2);
    }

    @Test
    void actions_of_events_written_before_ids_were_stamped_are_numbered_in_order_and_need_no_watch() {
        facts.set(2, new RcaPublished("x", List.of(new Fact.ActionPlan(null, "First", "sre", null),
                new Fact.ActionPlan(null, "Second", "sre", null)), null));
        IncidentView view = given();
        assertThat(view.correctiveActions()).extracting(CorrectiveActionView::id).containsExactly("CA-1", "CA-2");
        assertThat(projection.plan(view)).isEmpty();
    }

    @Test
    void follow_up_lines_are_internal() {
        var applied = (Projection.Outcome.Applied) projection.apply(given(),
                new RecordedFact("inc-1", 4, DUE, "bob", new CorrectiveActionCompleted("CA-1", "Done", DUE)));
        assertThat(applied.entry().isPublic()).isFalse();
        assertThat(applied.entry().kind()).isEqualTo("CorrectiveActionCompleted");
        assertThat(applied.entry().text()).isEqualTo("Corrective action CA-1 completed: Done");
    }

    private IncidentView given() {
        IncidentView view = null;
        for (int i = 0; i < facts.size(); i++) {
            view = ((Projection.Outcome.Applied) projection.apply(view, new RecordedFact("inc-1", i + 1,
                    T0.plusSeconds(i), "alice", facts.get(i)))).view();
        }
        return view;
    }

    private IncidentView then(IncidentView view, Fact fact, Instant at) {
        return ((Projection.Outcome.Applied) projection.apply(view,
                new RecordedFact("inc-1", view.version() + 1, at, "bob", fact))).view();
    }

    private Projection.Fired fire(IncidentView view, String actionId, Timer.Kind kind, Instant now) {
        Timer timer = timersOf(view, actionId).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
        return projection.fire(view, timer, now).orElseThrow();
    }

    private List<Timer> timersOf(IncidentView view, String actionId) {
        return projection.plan(view).stream().filter(t -> actionId.equals(t.actionId())).toList();
    }

    private static CorrectiveActionView action(IncidentView view, String id) {
        return view.correctiveActions().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
