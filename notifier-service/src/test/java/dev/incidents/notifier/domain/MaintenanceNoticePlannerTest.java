package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a window's brief, when one of its events or detections arrives, then this notice (or none) and brief. */
class MaintenanceNoticePlannerTest {

    static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");
    static final Instant STARTS = T0.plus(Duration.ofHours(2));
    static final Instant ENDS = T0.plus(Duration.ofHours(3));

    @Test
    void a_schedule_is_told_with_its_description_and_remembers_the_plan_audience_and_who_scheduled_it() {
        Planned<MaintenanceBrief> planned = MaintenanceNoticePlanner.plan(null, scheduled());

        assertThat(planned.brief()).isEqualTo(new MaintenanceBrief("mnt-1", "Login database upgrade",
                Set.of("login"), STARTS, ENDS, Audience.PUBLIC, MaintenanceBrief.Status.SCHEDULED, "bob", 0, null));
        assertThat(planned.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.kind()).isEqualTo(MessageKind.MAINTENANCE_SCHEDULED);
            assertThat(notice.sourceId()).isEqualTo("evt-1");
            assertThat(notice.detail()).isEqualTo(new NoticeDetail.MaintenanceStep("Sign-in may fail briefly"));
        });
    }

    @Test
    void a_reminder_is_told_with_the_start_it_is_about() {
        MaintenanceBrief brief = MaintenanceNoticePlanner.plan(null, scheduled()).brief();

        Planned<MaintenanceBrief> planned = MaintenanceNoticePlanner.plan(brief,
                detected("det-1", MessageKind.MAINTENANCE_STARTING_SOON, STARTS, 0));

        assertThat(planned.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.kind()).isEqualTo(MessageKind.MAINTENANCE_STARTING_SOON);
            assertThat(notice.subject()).isEqualTo(brief);
            assertThat(notice.detail()).isEqualTo(new NoticeDetail.DeadlineAlert(STARTS, Duration.ZERO, 0));
        });
    }

    @Test
    void a_reminder_read_after_the_window_was_cancelled_or_moved_or_started_is_told_to_nobody() {
        MaintenanceBrief brief = MaintenanceNoticePlanner.plan(null, scheduled()).brief();
        MaintenanceHappening reminder = detected("det-1", MessageKind.MAINTENANCE_STARTING_SOON, STARTS, 0);

        MaintenanceBrief cancelled = MaintenanceNoticePlanner.plan(brief,
                new MaintenanceHappening.Cancelled("evt-2", "mnt-1", T0, "Not needed")).brief();
        MaintenanceBrief moved = MaintenanceNoticePlanner.plan(brief, new MaintenanceHappening.Updated("evt-2",
                "mnt-1", T0, plan(STARTS.plus(Duration.ofDays(1)), ENDS.plus(Duration.ofDays(1))), null)).brief();
        MaintenanceBrief started = MaintenanceNoticePlanner.plan(brief,
                new MaintenanceHappening.Started("evt-2", "mnt-1", T0, "Early start")).brief();

        assertThat(MaintenanceNoticePlanner.plan(cancelled, reminder).notice()).isEmpty();
        assertThat(MaintenanceNoticePlanner.plan(moved, reminder).notice()).isEmpty();
        assertThat(MaintenanceNoticePlanner.plan(started, reminder).notice()).isEmpty();
        assertThat(MaintenanceNoticePlanner.plan(cancelled, reminder).brief()).isEqualTo(cancelled);
    }

    @Test
    void steps_move_the_status_and_say_what_the_team_wrote() {
        MaintenanceBrief brief = MaintenanceNoticePlanner.plan(null, scheduled()).brief();

        Planned<MaintenanceBrief> started = MaintenanceNoticePlanner.plan(brief,
                new MaintenanceHappening.Started("evt-2", "mnt-1", STARTS, "Under way"));
        Planned<MaintenanceBrief> completed = MaintenanceNoticePlanner.plan(started.brief(),
                new MaintenanceHappening.Completed("evt-3", "mnt-1", ENDS, "All done"));

        assertThat(started.brief().status()).isEqualTo(MaintenanceBrief.Status.IN_PROGRESS);
        assertThat(started.notice().orElseThrow().detail()).isEqualTo(new NoticeDetail.MaintenanceStep("Under way"));
        assertThat(completed.brief().status()).isEqualTo(MaintenanceBrief.Status.COMPLETED);
        assertThat(completed.brief().endedAt()).isEqualTo(ENDS);
        assertThat(completed.notice().orElseThrow().kind()).isEqualTo(MessageKind.MAINTENANCE_COMPLETED);
    }

    @Test
    void an_overrun_remembers_how_far_it_climbed_until_the_window_is_completed_which_is_told_to_that_height() {
        MaintenanceBrief brief = MaintenanceNoticePlanner.plan(MaintenanceNoticePlanner.plan(null, scheduled())
                .brief(), new MaintenanceHappening.Started("evt-2", "mnt-1", STARTS, "Under way")).brief();

        Planned<MaintenanceBrief> first = MaintenanceNoticePlanner.plan(brief,
                detected("det-1", MessageKind.MAINTENANCE_OVERRUN, ENDS, 0));
        Planned<MaintenanceBrief> third = MaintenanceNoticePlanner.plan(first.brief(),
                detected("det-3", MessageKind.MAINTENANCE_OVERRUN, ENDS, 2));
        Planned<MaintenanceBrief> completed = MaintenanceNoticePlanner.plan(third.brief(),
                new MaintenanceHappening.Completed("evt-3", "mnt-1", ENDS.plusSeconds(1800), "Done at last"));

        assertThat(third.notice().orElseThrow().subject().escalatedTo()).isEqualTo(2);
        assertThat(completed.notice().orElseThrow().subject().escalatedTo()).isEqualTo(2);
        assertThat(completed.brief().escalatedTo()).isZero();
    }

    @Test
    void a_window_never_scheduled_here_still_alerts_with_its_id_but_tells_no_public_subscriber() {
        Planned<MaintenanceBrief> planned = MaintenanceNoticePlanner.plan(null,
                detected("det-1", MessageKind.MAINTENANCE_OVERRUN, ENDS, 0));

        assertThat(planned.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.subject().id()).isEqualTo("mnt-1");
            assertThat(notice.subject().mayBePublic()).isFalse();
        });
    }

    @Test
    void a_settled_window_is_forgotten_only_after_the_grace() {
        MaintenanceBrief completed = MaintenanceNoticePlanner.plan(MaintenanceNoticePlanner.plan(null, scheduled())
                .brief(), new MaintenanceHappening.Completed("evt-2", "mnt-1", ENDS, "Done")).brief();

        assertThat(completed.settledBefore(ENDS)).isFalse();
        assertThat(completed.settledBefore(ENDS.plusSeconds(1))).isTrue();
        assertThat(MaintenanceNoticePlanner.plan(null, scheduled()).brief().settledBefore(ENDS.plusSeconds(1)))
                .isFalse();
    }

    private static MaintenanceHappening scheduled() {
        return new MaintenanceHappening.Scheduled("evt-1", "mnt-1", T0, "bob", plan(STARTS, ENDS), Audience.PUBLIC);
    }

    private static MaintenanceHappening.Plan plan(Instant startsAt, Instant endsAt) {
        return new MaintenanceHappening.Plan("Login database upgrade", "Sign-in may fail briefly", Set.of("login"),
                startsAt, endsAt);
    }

    private static MaintenanceHappening detected(String id, MessageKind kind, Instant deadline, int repeat) {
        return new MaintenanceHappening.Detected(id, "mnt-1", deadline, kind, deadline, Duration.ZERO, repeat);
    }
}
