package dev.incidents.projection.domain;

import dev.incidents.projection.domain.MaintenanceDetection.Kind;
import dev.incidents.projection.domain.MaintenanceFact.Recorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MaintenanceProjectionTest {

    static final Instant SCHEDULED_AT = Instant.parse("2026-12-04T08:00:00Z");
    static final Instant STARTS = Instant.parse("2026-12-04T12:00:00Z");
    static final Instant ENDS = Instant.parse("2026-12-04T13:00:00Z");
    static final Duration LEAD = Duration.ofMinutes(60);
    static final Duration REPEAT = Duration.ofMinutes(15);

    final MaintenanceProjection projection = new MaintenanceProjection(LEAD, REPEAT);

    static Recorded scheduled(Instant at, Instant startsAt, Instant endsAt) {
        return new Recorded("mnt-1", 1, at, new MaintenanceFact.Scheduled("Database upgrade", "Checkout may pause",
                List.of("checkout"), startsAt, endsAt, true));
    }

    MaintenanceView given(Recorded... facts) {
        MaintenanceView view = null;
        for (Recorded fact : facts) {
            MaintenanceProjection.Applied applied = projection.apply(view, fact);
            assertThat(applied.wasSkipped()).as(applied.skipped()).isFalse();
            view = applied.view();
        }
        return view;
    }

    static Recorded fact(long sequence, Instant at, MaintenanceFact fact) {
        return new Recorded("mnt-1", sequence, at, fact);
    }

    static MaintenanceFact.Updated movedTo(Instant startsAt, Instant endsAt) {
        return new MaintenanceFact.Updated(null, "Database upgrade", "Checkout may pause", List.of("checkout"),
                startsAt, endsAt);
    }

    List<MaintenanceDetection> fireAll(MaintenanceView[] view, Instant now) {
        List<MaintenanceDetection> detections = new ArrayList<>();
        for (Timer timer : projection.plan(view[0])) {
            if (!timer.dueAt().isAfter(now)) {
                projection.fire(view[0], timer, now).ifPresent(fired -> {
                    view[0] = fired.view();
                    detections.addAll(fired.detections());
                });
            }
        }
        return detections;
    }

    @Test
    void a_scheduled_window_is_reminded_of_before_its_start_then_reported_if_it_does_not_start() {
        MaintenanceView[] view = {given(scheduled(SCHEDULED_AT, STARTS, ENDS))};

        assertThat(fireAll(view, STARTS.minus(LEAD).minusSeconds(1))).isEmpty();
        assertThat(fireAll(view, STARTS.minus(LEAD))).singleElement()
                .extracting(MaintenanceDetection::kind, MaintenanceDetection::deadline)
                .containsExactly(Kind.MAINTENANCE_STARTING_SOON, STARTS);
        assertThat(fireAll(view, STARTS.minus(LEAD).plusSeconds(60))).as("reminded once").isEmpty();
        assertThat(fireAll(view, STARTS.plusSeconds(5))).singleElement()
                .extracting(MaintenanceDetection::kind, MaintenanceDetection::lateBy)
                .containsExactly(Kind.MAINTENANCE_DUE_TO_START, Duration.ofSeconds(5));
    }

    @Test
    void a_window_planned_inside_the_lead_gets_no_reminder() {
        MaintenanceView view = given(scheduled(STARTS.minus(Duration.ofMinutes(30)), STARTS, ENDS));

        assertThat(projection.plan(view)).extracting(Timer::kind)
                .doesNotContain(Timer.Kind.MAINTENANCE_STARTING_SOON);
    }

    @Test
    void a_moved_start_is_reminded_of_again() {
        MaintenanceView[] view = {given(scheduled(SCHEDULED_AT, STARTS, ENDS))};
        fireAll(view, STARTS.minus(LEAD));
        Instant later = STARTS.plus(Duration.ofHours(3));
        view[0] = projection.apply(view[0], fact(2, STARTS.minus(Duration.ofMinutes(30)), movedTo(later,
                later.plus(Duration.ofHours(1))))).view();

        assertThat(fireAll(view, later.minus(LEAD)))
                .extracting(MaintenanceDetection::kind, MaintenanceDetection::deadline)
                .containsExactly(tuple(Kind.MAINTENANCE_STARTING_SOON, later));
        assertThat(fireAll(view, STARTS)).as("the old start is no longer watched").isEmpty();
    }

    @Test
    void a_late_reminder_past_the_start_says_nothing_and_the_due_to_start_report_speaks() {
        MaintenanceView[] view = {given(scheduled(SCHEDULED_AT, STARTS, ENDS))};

        assertThat(fireAll(view, STARTS.plusSeconds(30))).extracting(MaintenanceDetection::kind)
                .containsExactly(Kind.MAINTENANCE_DUE_TO_START);
    }

    @Test
    void a_started_window_not_completed_by_its_end_is_reported_overrun_again_and_again_until_completed() {
        MaintenanceView[] view = {given(scheduled(SCHEDULED_AT, STARTS, ENDS),
                fact(2, STARTS, new MaintenanceFact.Started("Starting")))};
        assertThat(view[0].inProgress()).isTrue();

        assertThat(fireAll(view, ENDS.minusSeconds(1))).isEmpty();
        assertThat(fireAll(view, ENDS)).extracting(MaintenanceDetection::kind, MaintenanceDetection::repeat)
                .containsExactly(tuple(Kind.MAINTENANCE_OVERRUN, 0));
        assertThat(fireAll(view, ENDS.plus(REPEAT))).extracting(MaintenanceDetection::repeat).containsExactly(1);
        assertThat(fireAll(view, ENDS.plus(REPEAT.multipliedBy(4)).plusSeconds(1)))
                .as("a late report counts every interval elapsed").extracting(MaintenanceDetection::repeat)
                .containsExactly(4);

        view[0] = projection.apply(view[0], fact(3, ENDS.plus(Duration.ofHours(1)),
                new MaintenanceFact.Completed("Done"))).view();
        assertThat(projection.plan(view[0])).isEmpty();
        assertThat(view[0].notes()).extracting(MaintenanceNote::status).containsExactly(MaintenanceStatus.SCHEDULED,
                MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.COMPLETED);
    }

    @Test
    void extending_an_overrunning_window_starts_its_overrun_count_afresh_at_the_new_end() {
        MaintenanceView[] view = {given(scheduled(SCHEDULED_AT, STARTS, ENDS),
                fact(2, STARTS, new MaintenanceFact.Started("Starting")))};
        fireAll(view, ENDS);
        Instant newEnd = ENDS.plus(Duration.ofHours(1));
        view[0] = projection.apply(view[0], fact(3, ENDS.plusSeconds(60), new MaintenanceFact.Updated("Longer",
                "Database upgrade", "Checkout may pause", List.of("checkout"), STARTS, newEnd))).view();

        assertThat(fireAll(view, newEnd.minusSeconds(1))).isEmpty();
        assertThat(fireAll(view, newEnd)).extracting(MaintenanceDetection::deadline, MaintenanceDetection::repeat)
                .containsExactly(tuple(newEnd, 0));
    }

    @Test
    void a_cancelled_window_is_watched_no_more_and_a_timer_of_a_moved_on_view_fires_nothing() {
        MaintenanceView scheduled = given(scheduled(SCHEDULED_AT, STARTS, ENDS));
        Timer dueToStart = new Timer(STARTS, "mnt-1", Timer.Kind.MAINTENANCE_DUE_TO_START, STARTS);
        MaintenanceView cancelled = projection.apply(scheduled, fact(2, SCHEDULED_AT.plusSeconds(60),
                new MaintenanceFact.Cancelled("Postponed"))).view();

        assertThat(projection.plan(cancelled)).isEmpty();
        assertThat(projection.fire(cancelled, dueToStart, STARTS)).isEmpty();
        assertThat(cancelled.status()).isEqualTo(MaintenanceStatus.CANCELLED);
    }

    @Test
    void repeats_and_gaps_are_skipped_and_leave_the_view_as_it_was() {
        MaintenanceView view = given(scheduled(SCHEDULED_AT, STARTS, ENDS));

        assertThat(projection.apply(view, scheduled(SCHEDULED_AT, STARTS, ENDS)).wasSkipped()).isTrue();
        MaintenanceProjection.Applied gap = projection.apply(view, fact(3, STARTS, new MaintenanceFact.Started("Starting")));
        assertThat(gap.wasSkipped()).isTrue();
        assertThat(gap.view()).isEqualTo(view);
        assertThat(projection.apply(null, fact(1, STARTS, new MaintenanceFact.Started("Starting"))).wasSkipped())
                .as("a window's first event is its schedule").isTrue();
        assertThat(projection.apply(view, fact(2, STARTS, scheduled(STARTS, STARTS, ENDS).fact())).wasSkipped())
                .as("and only its first").isTrue();
    }
}
