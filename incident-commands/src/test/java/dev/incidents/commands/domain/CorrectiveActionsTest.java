package dev.incidents.commands.domain;

import dev.incidents.commands.domain.IncidentCommand.CompleteCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.DeclineCorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand.RescheduleCorrectiveAction;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionCompleted;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionDeclined;
import dev.incidents.commands.domain.IncidentEvent.CorrectiveActionRescheduled;
import dev.incidents.commands.domain.IncidentEvent.RcaPublished;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.incidents.commands.domain.DeciderSpecification.NOW;
import static dev.incidents.commands.domain.DeciderSpecification.given;
import static dev.incidents.commands.domain.IncidentDeciderTest.declaredSev2;
import static dev.incidents.commands.domain.IncidentDeciderTest.resolved;
import static dev.incidents.commands.domain.Rejection.Reason.CONFLICT;
import static dev.incidents.commands.domain.Rejection.Reason.INVALID;
import static dev.incidents.commands.domain.Rejection.Reason.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/** The follow-through of an RCA's corrective actions: complete, decline, reschedule, each once and recorded. */
class CorrectiveActionsTest {

    static final Instant DUE = NOW.plus(Duration.ofDays(3));

    static RcaPublished published() {
        return new RcaPublished("Resolver overload", List.of(
                new CorrectiveAction("CA-1", "Add a second DNS provider", "sre", DUE),
                new CorrectiveAction("CA-2", "Alert on resolver latency", "observability", DUE.plus(Duration.ofDays(1)))),
                null);
    }

    @Nested
    class Completing {
        @Test
        void an_open_action_is_completed_with_its_note_and_the_due_date_in_force() {
            given(declaredSev2(), resolved(), published())
                    .when(new CompleteCorrectiveAction("CA-2", "https://git.example/pr/12"))
                    .then(new CorrectiveActionCompleted("CA-2", "https://git.example/pr/12",
                            DUE.plus(Duration.ofDays(1))));
        }

        @Test
        void completing_after_the_due_date_is_still_accepted_and_records_which_date_it_missed() {
            given(declaredSev2(), resolved(), published()).at(DUE.plus(Duration.ofDays(2)))
                    .when(new CompleteCorrectiveAction("CA-1", "Done late"))
                    .then(new CorrectiveActionCompleted("CA-1", "Done late", DUE));
        }

        @Test
        void a_completed_action_cannot_be_completed_again() {
            given(declaredSev2(), resolved(), published(), new CorrectiveActionCompleted("CA-1", "Done", DUE))
                    .when(new CompleteCorrectiveAction("CA-1", "Again")).thenRejected(CONFLICT, null);
        }

        @Test
        void it_needs_a_note() {
            given(declaredSev2(), resolved(), published()).when(new CompleteCorrectiveAction("CA-1", " "))
                    .thenRejected(INVALID, "note");
        }

        @Test
        void an_unknown_action_is_not_found_and_the_answer_names_the_known_ones() {
            given(declaredSev2(), resolved(), published()).when(new CompleteCorrectiveAction("CA-9", "Done"))
                    .thenRejected(NOT_FOUND, "actionId");
            assertThat(given(declaredSev2(), resolved(), published())
                    .when(new CompleteCorrectiveAction("CA-9", "Done")).rejectionDetail())
                    .contains("CA-1, CA-2");
        }

        @Test
        void before_any_rca_there_is_no_action() {
            given(declaredSev2(), resolved()).when(new CompleteCorrectiveAction("CA-1", "Done"))
                    .thenRejected(NOT_FOUND, "actionId");
        }

        @Test
        void an_action_stays_open_and_can_be_completed_after_the_incident_is_reopened() {
            given(declaredSev2(), resolved(), published(),
                    new IncidentEvent.IncidentReopened("Again", NOW.plusSeconds(60), Duration.ofMinutes(30)))
                    .when(new CompleteCorrectiveAction("CA-1", "Done"))
                    .then(new CorrectiveActionCompleted("CA-1", "Done", DUE));
        }
    }

    @Nested
    class Declining {
        @Test
        void an_open_action_is_declined_with_its_reason() {
            given(declaredSev2(), resolved(), published())
                    .when(new DeclineCorrectiveAction("CA-2", "Covered by the new provider's own alerts"))
                    .then(new CorrectiveActionDeclined("CA-2", "Covered by the new provider's own alerts"));
        }

        @Test
        void a_declined_action_can_be_neither_completed_nor_rescheduled() {
            var history = new IncidentEvent[] {declaredSev2(), resolved(), published(),
                    new CorrectiveActionDeclined("CA-1", "Not needed")};
            given(history).when(new CompleteCorrectiveAction("CA-1", "Done")).thenRejected(CONFLICT, null);
            given(history).when(new RescheduleCorrectiveAction("CA-1", DUE.plusSeconds(60), "Later"))
                    .thenRejected(CONFLICT, null);
        }

        @Test
        void it_needs_a_reason() {
            given(declaredSev2(), resolved(), published()).when(new DeclineCorrectiveAction("CA-1", null))
                    .thenRejected(INVALID, "reason");
        }
    }

    @Nested
    class Rescheduling {
        @Test
        void the_new_date_and_the_reason_are_recorded_with_the_date_it_replaces() {
            Instant later = DUE.plus(Duration.ofDays(7));
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", later, "Vendor contract signs next week"))
                    .then(new CorrectiveActionRescheduled("CA-1", DUE, later, "Vendor contract signs next week"));
        }

        @Test
        void completing_after_a_reschedule_is_judged_against_the_new_date() {
            Instant later = DUE.plus(Duration.ofDays(7));
            given(declaredSev2(), resolved(), published(),
                    new CorrectiveActionRescheduled("CA-1", DUE, later, "Later"))
                    .when(new CompleteCorrectiveAction("CA-1", "Done"))
                    .then(new CorrectiveActionCompleted("CA-1", "Done", later));
        }

        @Test
        void a_date_in_the_past_is_refused() {
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", NOW, "Oops")).thenRejected(INVALID, "dueAt");
        }

        @Test
        void a_date_years_ahead_is_refused() {
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", NOW.plus(Duration.ofDays(400)), "Someday"))
                    .thenRejected(INVALID, "dueAt");
        }

        @Test
        void the_same_date_again_is_a_conflict() {
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", DUE, "Same")).thenRejected(CONFLICT, null);
        }

        @Test
        void it_needs_a_date_and_a_reason() {
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", null, "Later")).thenRejected(INVALID, "dueAt");
            given(declaredSev2(), resolved(), published())
                    .when(new RescheduleCorrectiveAction("CA-1", DUE.plusSeconds(60), "")).thenRejected(INVALID,
                            "reason");
        }
    }

    @Nested
    class Evolving {
        @Test
        void actions_of_events_written_before_ids_were_stamped_are_numbered_in_order() {
            Incident state = stateOf(declaredSev2(), resolved(), new RcaPublished("x", List.of(
                    new CorrectiveAction("First", "sre", null), new CorrectiveAction("Second", "sre", null)), null));
            assertThat(state.correctiveActions()).containsOnlyKeys("CA-1", "CA-2");
            assertThat(state.correctiveActions().get("CA-1")).isEqualTo(new TrackedAction(TrackedAction.State.OPEN,
                    null));
        }

        @Test
        void each_event_moves_the_version_and_the_action_it_names() {
            Instant later = DUE.plus(Duration.ofDays(7));
            Incident state = stateOf(declaredSev2(), resolved(), published(),
                    new CorrectiveActionRescheduled("CA-1", DUE, later, "Later"),
                    new CorrectiveActionCompleted("CA-1", "Done", later),
                    new CorrectiveActionDeclined("CA-2", "No"));
            assertThat(state.version()).isEqualTo(6);
            assertThat(state.correctiveActions()).containsExactly(
                    Map.entry("CA-1", new TrackedAction(TrackedAction.State.COMPLETED, later)),
                    Map.entry("CA-2", new TrackedAction(TrackedAction.State.DECLINED,
                            DUE.plus(Duration.ofDays(1)))));
        }

        private Incident stateOf(IncidentEvent... events) {
            Incident state = null;
            for (IncidentEvent event : events) {
                state = IncidentDecider.evolve(state, "inc-1", event);
            }
            return state;
        }
    }
}
