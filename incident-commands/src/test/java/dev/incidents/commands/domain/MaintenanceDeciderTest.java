package dev.incidents.commands.domain;

import dev.incidents.commands.domain.MaintenanceCommand.CancelMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.CompleteMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.ScheduleMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.StartMaintenance;
import dev.incidents.commands.domain.MaintenanceCommand.UpdateMaintenance;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceCancelled;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceCompleted;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceScheduled;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceStarted;
import dev.incidents.commands.domain.MaintenanceEvent.MaintenanceUpdated;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static dev.incidents.commands.domain.Rejection.Reason.CONFLICT;
import static dev.incidents.commands.domain.Rejection.Reason.INVALID;
import static dev.incidents.commands.domain.Rejection.Reason.NOT_FOUND;
import static dev.incidents.commands.domain.Rejection.Reason.VERSION_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant STARTS = NOW.plus(Duration.ofHours(2));
    static final Instant ENDS = STARTS.plus(Duration.ofHours(1));
    static final MaintenancePlan PLAN = new MaintenancePlan("Database upgrade",
            "Checkout may be slow for a few minutes.", List.of("checkout"), STARTS, ENDS);
    static final MaintenancePolicy POLICY = new MaintenancePolicy(Instant.parse("2000-01-01T00:00:00Z"), 50,
            Duration.ofDays(7), Duration.ofDays(366));

    final MaintenanceDecider decider = new MaintenanceDecider(POLICY);

    static MaintenanceScheduled scheduled() {
        return new MaintenanceScheduled(PLAN, Audience.PUBLIC);
    }

    static UpdateMaintenance saying(String message) {
        return new UpdateMaintenance(message, null, null, null, null, null);
    }

    static UpdateMaintenance endingAt(Instant endsAt) {
        return new UpdateMaintenance(null, null, null, null, null, endsAt);
    }

    static UpdateMaintenance startingAt(Instant startsAt) {
        return new UpdateMaintenance(null, null, null, null, startsAt, null);
    }

    Decision<MaintenanceEvent> given(List<MaintenanceEvent> history, MaintenanceCommand command, Instant at) {
        return decider.decide(command, state(history), null, at);
    }

    static Maintenance state(List<MaintenanceEvent> history) {
        Maintenance state = null;
        for (MaintenanceEvent event : history) {
            state = MaintenanceDecider.evolve(state, "mnt-1", event);
        }
        return state;
    }

    static List<MaintenanceEvent> history(MaintenanceEvent... events) {
        return Arrays.asList(events);
    }

    static void assertRejected(Decision<MaintenanceEvent> decision, Rejection.Reason reason, String field) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.rejection().reason()).isEqualTo(reason);
            assertThat(rejected.rejection().field()).isEqualTo(field);
        });
    }

    static String detail(Decision<MaintenanceEvent> decision) {
        return ((Decision.Rejected<MaintenanceEvent>) decision).rejection().detail();
    }

    @Nested
    class Scheduling {
        @Test
        void a_plan_with_its_window_ahead_is_scheduled_as_given() {
            Decision<MaintenanceEvent> decision = given(history(), new ScheduleMaintenance(PLAN, Audience.PUBLIC), NOW);

            assertThat(decision).isEqualTo(Decision.accept(scheduled()));
            Maintenance after = MaintenanceDecider.evolve(null, "mnt-1", scheduled());
            assertThat(after.status()).isEqualTo(MaintenanceStatus.SCHEDULED);
            assertThat(after.version()).isEqualTo(1);
        }

        @Test
        void a_window_that_has_begun_but_not_ended_may_still_be_recorded() {
            MaintenancePlan begun = new MaintenancePlan("Failover test", "Brief errors", List.of("checkout"),
                    NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(30)));

            assertThat(given(history(), new ScheduleMaintenance(begun, Audience.INTERNAL), NOW))
                    .isEqualTo(Decision.accept(new MaintenanceScheduled(begun, Audience.INTERNAL)));
        }

        @Test
        void a_window_that_ends_before_it_starts_is_refused() {
            MaintenancePlan backwards = new MaintenancePlan("t", "d", List.of("checkout"), ENDS, STARTS);

            assertRejected(given(history(), new ScheduleMaintenance(backwards, Audience.PUBLIC), NOW), INVALID,
                    "endsAt");
        }

        @Test
        void a_window_already_over_is_refused() {
            MaintenancePlan past = new MaintenancePlan("t", "d", List.of("checkout"), NOW.minus(Duration.ofHours(2)),
                    NOW.minus(Duration.ofHours(1)));

            Decision<MaintenanceEvent> decision = given(history(), new ScheduleMaintenance(past, Audience.PUBLIC), NOW);

            assertRejected(decision, INVALID, "endsAt");
            assertThat(detail(decision)).contains("must be in the future");
        }

        @Test
        void a_window_longer_than_the_longest_allowed_is_refused() {
            MaintenancePlan week = new MaintenancePlan("t", "d", List.of("checkout"), STARTS,
                    STARTS.plus(Duration.ofDays(7)).plusSeconds(1));

            Decision<MaintenanceEvent> decision = given(history(), new ScheduleMaintenance(week, Audience.PUBLIC), NOW);

            assertRejected(decision, INVALID, "endsAt");
            assertThat(detail(decision)).contains("at most 168 hours");
        }

        @Test
        void a_window_planned_beyond_the_furthest_ahead_is_refused() {
            Instant far = NOW.plus(Duration.ofDays(367));
            MaintenancePlan later = new MaintenancePlan("t", "d", List.of("checkout"), far, far.plusSeconds(60));

            assertRejected(given(history(), new ScheduleMaintenance(later, Audience.PUBLIC), NOW), INVALID,
                    "startsAt");
        }

        @Test
        void a_plan_names_its_title_description_components_and_audience() {
            assertRejected(given(history(), new ScheduleMaintenance(new MaintenancePlan(" ", "d", List.of("c"),
                    STARTS, ENDS), Audience.PUBLIC), NOW), INVALID, "title");
            assertRejected(given(history(), new ScheduleMaintenance(new MaintenancePlan("t", null, List.of("c"),
                    STARTS, ENDS), Audience.PUBLIC), NOW), INVALID, "description");
            assertRejected(given(history(), new ScheduleMaintenance(new MaintenancePlan("t", "d", List.of(),
                    STARTS, ENDS), Audience.PUBLIC), NOW), INVALID, "components");
            assertRejected(given(history(), new ScheduleMaintenance(PLAN, null), NOW), INVALID, "audience");
        }

        @Test
        void an_id_already_scheduled_is_a_conflict() {
            assertRejected(given(history(scheduled()), new ScheduleMaintenance(PLAN, Audience.PUBLIC), NOW), CONFLICT,
                    null);
        }
    }

    @Nested
    class Updating {
        @Test
        void an_update_carries_the_whole_plan_after_it() {
            Instant later = ENDS.plus(Duration.ofMinutes(30));

            Decision<MaintenanceEvent> decision = given(history(scheduled()),
                    new UpdateMaintenance("Taking longer than planned", null, null, List.of("checkout", "search"),
                            null, later), NOW);

            assertThat(decision).isEqualTo(Decision.accept(new MaintenanceUpdated("Taking longer than planned",
                    new MaintenancePlan(PLAN.title(), PLAN.description(), List.of("checkout", "search"), STARTS,
                            later))));
        }

        @Test
        void an_update_that_neither_says_nor_changes_anything_is_refused() {
            assertRejected(given(history(scheduled()), saying(null), NOW), INVALID, "message");
        }

        @Test
        void a_message_about_a_window_running_over_is_taken_though_its_end_has_passed() {
            Instant afterEnd = ENDS.plus(Duration.ofMinutes(10));

            assertThat(given(history(scheduled(), new MaintenanceStarted("Starting")), saying("Nearly done"), afterEnd))
                    .isEqualTo(Decision.accept(new MaintenanceUpdated("Nearly done", PLAN)));
        }

        @Test
        void extending_a_window_that_runs_over_moves_its_end_into_the_future() {
            Instant afterEnd = ENDS.plus(Duration.ofMinutes(10));

            assertRejected(given(history(scheduled(), new MaintenanceStarted("Starting")), endingAt(ENDS.plusSeconds(60)),
                    afterEnd), INVALID, "endsAt");
            assertThat(given(history(scheduled(), new MaintenanceStarted("Starting")), endingAt(afterEnd.plusSeconds(600)),
                    afterEnd)).isInstanceOf(Decision.Accepted.class);
        }

        @Test
        void a_moved_start_must_stay_before_the_end() {
            assertRejected(given(history(scheduled()), startingAt(ENDS.plusSeconds(1)), NOW), INVALID, "endsAt");
        }

        @Test
        void a_started_window_keeps_its_start() {
            assertRejected(given(history(scheduled(), new MaintenanceStarted("Starting")),
                    startingAt(STARTS.plusSeconds(60)), NOW), INVALID, "startsAt");
        }

        @Test
        void a_window_that_is_over_takes_no_updates() {
            assertRejected(given(history(scheduled(), new MaintenanceCancelled("Postponed")), saying("x"), NOW),
                    CONFLICT, null);
            assertRejected(given(history(scheduled(), new MaintenanceStarted("Starting"), new MaintenanceCompleted("Done")),
                    saying("x"), NOW), CONFLICT, null);
        }

        @Test
        void an_unknown_window_is_not_found_and_a_stale_version_is_refused() {
            assertRejected(given(history(), saying("x"), NOW), NOT_FOUND, null);
            assertRejected(decider.decide(saying("x"), state(history(scheduled())), 3L, NOW), VERSION_MISMATCH,
                    null);
        }
    }

    @Nested
    class Running {
        @Test
        void a_scheduled_window_starts_early_or_late_then_completes() {
            assertThat(given(history(scheduled()), new StartMaintenance("Starting now"), NOW))
                    .isEqualTo(Decision.accept(new MaintenanceStarted("Starting now")));
            assertThat(given(history(scheduled(), new MaintenanceStarted("Starting")), new CompleteMaintenance("Done"),
                    ENDS.plusSeconds(600))).isEqualTo(Decision.accept(new MaintenanceCompleted("Done")));
            assertThat(state(history(scheduled(), new MaintenanceStarted("Starting"), new MaintenanceCompleted("Done"))))
                    .extracting(Maintenance::status, Maintenance::version)
                    .containsExactly(MaintenanceStatus.COMPLETED, 3L);
        }

        @Test
        void starting_and_completing_say_something() {
            assertRejected(given(history(scheduled()), new StartMaintenance(" "), NOW), INVALID, "message");
            assertRejected(given(history(scheduled(), new MaintenanceStarted("Starting")),
                    new CompleteMaintenance(null), NOW), INVALID, "message");
        }

        @Test
        void a_window_starts_once() {
            assertRejected(given(history(scheduled(), new MaintenanceStarted("Starting")), new StartMaintenance("Starting"), NOW),
                    CONFLICT, null);
        }

        @Test
        void a_window_not_started_cannot_complete() {
            Decision<MaintenanceEvent> decision = given(history(scheduled()), new CompleteMaintenance("Done"), NOW);

            assertRejected(decision, CONFLICT, null);
            assertThat(detail(decision)).contains("start it first");
        }

        @Test
        void only_a_window_that_has_not_started_is_cancelled_and_with_a_reason() {
            assertThat(given(history(scheduled()), new CancelMaintenance("Vendor postponed"), NOW))
                    .isEqualTo(Decision.accept(new MaintenanceCancelled("Vendor postponed")));
            assertRejected(given(history(scheduled()), new CancelMaintenance(" "), NOW), INVALID, "reason");
            Decision<MaintenanceEvent> started = given(history(scheduled(), new MaintenanceStarted("Starting")),
                    new CancelMaintenance("Too late"), NOW);
            assertRejected(started, CONFLICT, null);
            assertThat(detail(started)).contains("complete it instead");
        }
    }
}
