package dev.incidents.commands.domain;

import dev.incidents.commands.domain.IncidentCommand.ChangeSeverity;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.IncidentCommand.LinkCustomerReport;
import dev.incidents.commands.domain.IncidentCommand.PostUpdate;
import dev.incidents.commands.domain.IncidentCommand.PublishRca;
import dev.incidents.commands.domain.IncidentCommand.ReopenIncident;
import dev.incidents.commands.domain.IncidentCommand.ResolveIncident;
import dev.incidents.commands.domain.IncidentEvent.CustomerReportLinked;
import dev.incidents.commands.domain.IncidentEvent.IncidentDeclared;
import dev.incidents.commands.domain.IncidentEvent.IncidentReopened;
import dev.incidents.commands.domain.IncidentEvent.IncidentResolved;
import dev.incidents.commands.domain.IncidentEvent.RcaPublished;
import dev.incidents.commands.domain.IncidentEvent.SeverityChanged;
import dev.incidents.commands.domain.IncidentEvent.UpdatePosted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.incidents.commands.domain.DeciderSpecification.NOW;
import static dev.incidents.commands.domain.DeciderSpecification.given;
import static dev.incidents.commands.domain.Rejection.Reason.CONFLICT;
import static dev.incidents.commands.domain.Rejection.Reason.INVALID;
import static dev.incidents.commands.domain.Rejection.Reason.NOT_FOUND;
import static dev.incidents.commands.domain.Rejection.Reason.VERSION_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentDeciderTest {

    static final Duration SEV1_CADENCE = Duration.ofMinutes(15);
    static final Duration SEV2_CADENCE = Duration.ofMinutes(30);
    static final Duration SEV3_CADENCE = Duration.ofMinutes(60);
    static final Instant DECLARED_AT = NOW.minus(Duration.ofMinutes(10));

    static IncidentDeclared declaredSev2() {
        return new IncidentDeclared("Checkout errors", Severity.SEV2, "Some payments fail", List.of("checkout"),
                "alice", DECLARED_AT, "monitor:checkout", "monitor", DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE);
    }

    static IncidentResolved resolved() {
        return new IncidentResolved("Fixed", NOW.plus(Duration.ofDays(2)), "bob", Duration.ofDays(5));
    }

    static DeclareIncident declare(Severity severity) {
        return new DeclareIncident("Checkout errors", severity, "Some payments fail", List.of("checkout"), "alice",
                null, null, null);
    }

    @Nested
    class Declaring {
        @ParameterizedTest
        @CsvSource({"SEV1,15", "SEV2,30", "SEV3,60", "SEV4,120"})
        void the_first_public_update_is_due_within_the_severity_cadence(Severity severity, long minutes) {
            Duration cadence = Duration.ofMinutes(minutes);
            given().when(declare(severity)).then(new IncidentDeclared("Checkout errors", severity,
                    "Some payments fail", List.of("checkout"), "alice", NOW, null, null, NOW.plus(cadence), cadence));
        }

        @Test
        void keeps_when_it_was_detected() {
            Instant detected = NOW.minusSeconds(300);
            given().when(new DeclareIncident("t", Severity.SEV3, "s", null, null, detected, "k", "monitor"))
                    .then(new IncidentDeclared("t", Severity.SEV3, "s", List.of(), null, detected, "k", "monitor",
                            NOW.plus(SEV3_CADENCE), SEV3_CADENCE));
        }

        @Test
        void a_detection_in_the_future_is_refused() {
            given().when(new DeclareIncident("t", Severity.SEV3, "s", null, null, NOW.plusSeconds(1), null, null))
                    .thenRejected(INVALID, "detectedAt");
        }

        @Test
        void a_detection_before_the_earliest_plausible_time_is_refused() {
            Instant longAgo = Instant.parse("0001-01-01T00:00:00Z");
            given().when(new DeclareIncident("t", Severity.SEV3, "s", null, null, longAgo, null, null))
                    .thenRejected(INVALID, "detectedAt");
            given().when(new DeclareIncident("t", Severity.SEV3, "s", null, null,
                    IncidentPolicy.DEFAULT_EARLIEST_TIME.minusMillis(1), null, null)).thenRejected(INVALID, "detectedAt");
        }

        @Test
        void an_id_already_taken_is_a_conflict() {
            given(declaredSev2()).when(declare(Severity.SEV1)).thenRejected(CONFLICT, null);
        }

        @Test
        void a_blank_title_is_refused() {
            given().when(new DeclareIncident(" ", Severity.SEV1, "s", null, null, null, null, null))
                    .thenRejected(INVALID, "title");
        }

        @Test
        void an_oversized_title_is_refused() {
            given().when(new DeclareIncident("x".repeat(201), Severity.SEV1, "s", null, null, null, null, null))
                    .thenRejected(INVALID, "title");
        }

        @Test
        void control_characters_are_refused() {
            given().when(new DeclareIncident("a\u0000b", Severity.SEV1, "s", null, null, null, null, null))
                    .thenRejected(INVALID, "title");
        }

        @Test
        void unpaired_surrogates_noncharacters_and_bidirectional_controls_are_refused_in_every_text() {
            for (String unsafe : List.of("\ud800", "\udc00", "\uffff", "\ufffe", "\u202e", "\u2066")) {
                given().when(new DeclareIncident("a" + unsafe + "b", Severity.SEV1, "s", null, null, null, null, null))
                        .thenRejected(INVALID, "title");
                given().when(new DeclareIncident("t", Severity.SEV1, "s", null, null, null, "key" + unsafe, null))
                        .thenRejected(INVALID, "dedupKey");
            }
            given(declaredSev2()).when(new PostUpdate(IncidentStatus.IDENTIFIED, "fixed\uffff", Audience.PUBLIC, null))
                    .thenRejected(INVALID, "message");
        }

        @Test
        void an_oversized_dedup_key_is_refused() {
            given().when(new DeclareIncident("t", Severity.SEV1, "s", null, null, null, "k".repeat(256), null))
                    .thenRejected(INVALID, "dedupKey");
        }

        @Test
        void a_missing_severity_is_refused() {
            given().when(new DeclareIncident("t", null, "s", null, null, null, null, null))
                    .thenRejected(INVALID, "severity");
        }
    }

    @Nested
    class PostingUpdates {
        @Test
        void a_public_update_without_a_promise_is_due_again_after_one_cadence() {
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "Found it", Audience.PUBLIC, null))
                    .then(new UpdatePosted(IncidentStatus.IDENTIFIED, "Found it", Audience.PUBLIC,
                            NOW.plus(SEV2_CADENCE), SEV2_CADENCE));
        }

        @Test
        void a_public_update_keeps_an_earlier_promise() {
            Instant promise = NOW.plus(Duration.ofMinutes(10));
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, promise))
                    .then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, promise,
                            SEV2_CADENCE));
        }

        @Test
        void a_promise_exactly_one_cadence_ahead_is_allowed() {
            Instant promise = NOW.plus(SEV2_CADENCE);
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, promise))
                    .then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, promise,
                            SEV2_CADENCE));
        }

        @Test
        void a_promise_beyond_the_cadence_names_the_latest_allowed_time() {
            DeciderSpecification spec = given(declaredSev2()).when(new PostUpdate(IncidentStatus.INVESTIGATING,
                    "Looking", Audience.PUBLIC, NOW.plus(SEV2_CADENCE).plusSeconds(1)));
            spec.thenRejected(INVALID, "nextUpdateAt");
            assertThat(spec.rejectionDetail()).contains(NOW.plus(SEV2_CADENCE).toString());
        }

        @Test
        void a_promise_in_the_past_is_refused() {
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, NOW))
                    .thenRejected(INVALID, "nextUpdateAt");
        }

        @Test
        void an_internal_update_does_not_move_the_deadline() {
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "DB failover", Audience.INTERNAL, null))
                    .then(new UpdatePosted(IncidentStatus.IDENTIFIED, "DB failover", Audience.INTERNAL,
                            DECLARED_AT.plus(SEV2_CADENCE), SEV2_CADENCE));
        }

        @Test
        void an_internal_update_cannot_promise() {
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.INTERNAL, NOW.plusSeconds(60)))
                    .thenRejected(INVALID, "nextUpdateAt");
        }

        @Test
        void an_update_cannot_resolve() {
            given(declaredSev2())
                    .when(new PostUpdate(IncidentStatus.RESOLVED, "done", Audience.PUBLIC, null))
                    .thenRejected(INVALID, "status");
        }

        @Test
        void an_unknown_incident_is_not_found() {
            given().when(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC, null))
                    .thenRejected(NOT_FOUND, null);
        }

        @Test
        void a_resolved_incident_takes_no_updates() {
            given(declaredSev2(), resolved())
                    .when(new PostUpdate(IncidentStatus.MONITORING, "x", Audience.PUBLIC, null))
                    .thenRejected(CONFLICT, null);
        }

        @Test
        void a_stale_expected_version_is_refused() {
            given(declaredSev2()).expectingVersion(2)
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC, null))
                    .thenRejected(VERSION_MISMATCH, null);
        }

        @Test
        void the_current_expected_version_is_accepted() {
            given(declaredSev2()).expectingVersion(1)
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC, null))
                    .then(new UpdatePosted(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC,
                            NOW.plus(SEV2_CADENCE), SEV2_CADENCE));
        }
    }

    @Nested
    class ChangingSeverity {
        @Test
        void raising_tightens_the_deadline_to_the_new_cadence() {
            given(declaredSev2()).when(new ChangeSeverity(Severity.SEV1, "All regions"))
                    .then(new SeverityChanged(Severity.SEV2, Severity.SEV1, "All regions",
                            NOW.plus(SEV1_CADENCE), SEV1_CADENCE));
        }

        @Test
        void raising_keeps_a_deadline_that_is_already_sooner() {
            Instant soon = NOW.plus(Duration.ofMinutes(5));
            given(declaredSev2(), new UpdatePosted(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC, soon,
                    SEV2_CADENCE))
                    .when(new ChangeSeverity(Severity.SEV1, "All regions"))
                    .then(new SeverityChanged(Severity.SEV2, Severity.SEV1, "All regions", soon, SEV1_CADENCE));
        }

        @Test
        void lowering_keeps_the_promised_deadline() {
            given(declaredSev2()).when(new ChangeSeverity(Severity.SEV3, "Contained"))
                    .then(new SeverityChanged(Severity.SEV2, Severity.SEV3, "Contained",
                            DECLARED_AT.plus(SEV2_CADENCE), SEV3_CADENCE));
        }

        @Test
        void the_same_severity_is_a_conflict() {
            given(declaredSev2()).when(new ChangeSeverity(Severity.SEV2, "x")).thenRejected(CONFLICT, null);
        }

        @Test
        void a_reason_is_required() {
            given(declaredSev2()).when(new ChangeSeverity(Severity.SEV1, "")).thenRejected(INVALID, "reason");
        }

        @Test
        void a_later_update_is_held_to_the_new_cadence() {
            given(declaredSev2(), new SeverityChanged(Severity.SEV2, Severity.SEV1, "r", NOW.plus(SEV1_CADENCE),
                    SEV1_CADENCE))
                    .when(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC,
                            NOW.plus(Duration.ofMinutes(20))))
                    .thenRejected(INVALID, "nextUpdateAt");
        }
    }

    @Nested
    class Resolving {
        @Test
        void commits_to_an_rca_within_the_window() {
            Instant due = NOW.plus(Duration.ofDays(3));
            given(declaredSev2()).when(new ResolveIncident("Fixed", due, "bob"))
                    .then(new IncidentResolved("Fixed", due, "bob", Duration.ofDays(5)));
        }

        @Test
        void an_rca_beyond_the_window_names_the_latest_allowed_time() {
            DeciderSpecification spec = given(declaredSev2())
                    .when(new ResolveIncident("Fixed", NOW.plus(Duration.ofDays(5)).plusSeconds(1), "bob"));
            spec.thenRejected(INVALID, "rcaDueAt");
            assertThat(spec.rejectionDetail()).contains(NOW.plus(Duration.ofDays(5)).toString());
        }

        @Test
        void a_sev3_rca_may_take_ten_days() {
            IncidentDeclared sev3 = new IncidentDeclared("t", Severity.SEV3, "s", List.of(), null, NOW, null, null,
                    NOW.plus(SEV3_CADENCE), SEV3_CADENCE);
            Instant due = NOW.plus(Duration.ofDays(10));
            given(sev3).when(new ResolveIncident("Fixed", due, "bob"))
                    .then(new IncidentResolved("Fixed", due, "bob", Duration.ofDays(10)));
        }

        @Test
        void an_rca_due_in_the_past_is_refused() {
            given(declaredSev2()).when(new ResolveIncident("Fixed", NOW.minusSeconds(1), "bob"))
                    .thenRejected(INVALID, "rcaDueAt");
        }

        @Test
        void the_rca_commitment_is_mandatory() {
            given(declaredSev2()).when(new ResolveIncident("Fixed", null, "bob")).thenRejected(INVALID, "rcaDueAt");
            given(declaredSev2()).when(new ResolveIncident("Fixed", NOW.plusSeconds(60), null))
                    .thenRejected(INVALID, "rcaOwner");
        }

        @Test
        void twice_is_a_conflict() {
            given(declaredSev2(), resolved()).when(new ResolveIncident("Fixed", NOW.plusSeconds(60), "bob"))
                    .thenRejected(CONFLICT, null);
        }
    }

    @Nested
    class Reopening {
        @Test
        void goes_back_to_investigating_with_a_fresh_deadline() {
            given(declaredSev2(), resolved()).when(new ReopenIncident("Errors are back"))
                    .then(new IncidentReopened("Errors are back", NOW.plus(SEV2_CADENCE), SEV2_CADENCE));
        }

        @Test
        void an_open_incident_cannot_be_reopened() {
            given(declaredSev2()).when(new ReopenIncident("x")).thenRejected(CONFLICT, null);
        }

        @Test
        void a_reopened_incident_takes_updates_again() {
            given(declaredSev2(), resolved(), new IncidentReopened("x", NOW.plus(SEV2_CADENCE), SEV2_CADENCE))
                    .when(new PostUpdate(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC, null))
                    .then(new UpdatePosted(IncidentStatus.INVESTIGATING, "Looking", Audience.PUBLIC,
                            NOW.plus(SEV2_CADENCE), SEV2_CADENCE));
        }
    }

    @Nested
    class PublishingRca {
        final List<CorrectiveAction> actions = List.of(new CorrectiveAction("Add a second DNS provider", "sre", null));
        final List<CorrectiveAction> stamped = List.of(new CorrectiveAction("CA-1", "Add a second DNS provider", "sre",
                NOW.plus(Duration.ofDays(5))));

        @Test
        void after_resolve_it_is_published_with_ids_and_the_rca_windows_end_as_default_due_date() {
            given(declaredSev2(), resolved()).when(new PublishRca("DNS outage", actions, null))
                    .then(new RcaPublished("DNS outage", stamped, null));
        }

        @Test
        void a_due_date_given_is_kept_and_numbering_goes_on_after_a_reopened_incidents_first_rca() {
            Instant due = NOW.plus(Duration.ofDays(30));
            given(declaredSev2(), resolved(), new RcaPublished("x", stamped, null),
                    new IncidentReopened("Back again", NOW.plusSeconds(60), SEV2_CADENCE), resolved())
                    .when(new PublishRca("y", List.of(new CorrectiveAction("Alert on resolver latency", "sre", due)),
                            null))
                    .then(new RcaPublished("y", List.of(new CorrectiveAction("CA-2", "Alert on resolver latency",
                            "sre", due)), null));
        }

        @Test
        void a_corrective_action_due_in_the_past_is_refused() {
            given(declaredSev2(), resolved())
                    .when(new PublishRca("x", List.of(new CorrectiveAction("Fix", "sre", NOW)), null))
                    .thenRejected(INVALID, "correctiveActions.dueAt");
        }

        @Test
        void a_third_party_cause_still_needs_our_own_corrective_actions() {
            ThirdPartyCause vendor = new ThirdPartyCause("CloudDNS", "Their resolvers failed");
            given(declaredSev2(), resolved()).when(new PublishRca("Vendor DNS outage", List.of(), vendor))
                    .thenRejected(INVALID, "correctiveActions");
            given(declaredSev2(), resolved()).when(new PublishRca("Vendor DNS outage", actions, vendor))
                    .then(new RcaPublished("Vendor DNS outage", stamped, vendor));
        }

        @Test
        void before_resolve_is_a_conflict() {
            given(declaredSev2()).when(new PublishRca("x", actions, null)).thenRejected(CONFLICT, null);
        }

        @Test
        void a_second_rca_is_a_conflict() {
            given(declaredSev2(), resolved(), new RcaPublished("x", actions, null))
                    .when(new PublishRca("y", actions, null)).thenRejected(CONFLICT, null);
        }

        @Test
        void a_corrective_action_needs_an_owner() {
            given(declaredSev2(), resolved())
                    .when(new PublishRca("x", List.of(new CorrectiveAction("Fix", " ", null)), null))
                    .thenRejected(INVALID, "correctiveActions.owner");
        }

        @Test
        void a_corrective_action_planned_years_ahead_is_refused() {
            given(declaredSev2(), resolved())
                    .when(new PublishRca("x", List.of(new CorrectiveAction("Fix", "sre",
                            NOW.plus(Duration.ofDays(400)))), null))
                    .thenRejected(INVALID, "correctiveActions.dueAt");
        }
    }

    @Nested
    class LinkingCustomerReports {
        @Test
        void a_customer_report_is_linked_even_after_resolve() {
            Instant received = NOW.minusSeconds(600);
            given(declaredSev2(), resolved()).when(new LinkCustomerReport(received, "support", "T-1"))
                    .then(new CustomerReportLinked(received, "support", "T-1"));
        }

        @Test
        void a_report_before_the_earliest_plausible_time_is_refused() {
            given(declaredSev2()).when(new LinkCustomerReport(Instant.parse("1999-12-31T23:59:59Z"), "support", null))
                    .thenRejected(INVALID, "receivedAt");
        }

        @Test
        void a_report_from_the_future_is_refused() {
            given(declaredSev2()).when(new LinkCustomerReport(NOW.plusSeconds(1), "support", null))
                    .thenRejected(INVALID, "receivedAt");
        }

        @Test
        void an_unknown_incident_is_not_found() {
            given().when(new LinkCustomerReport(NOW, "support", null)).thenRejected(NOT_FOUND, null);
        }
    }

    @Test
    void evolve_counts_versions_from_one() {
        Incident state = IncidentDecider.evolve(null, "inc-1", declaredSev2());
        state = IncidentDecider.evolve(state, "inc-1", resolved());
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.isResolved()).isTrue();
        assertThat(state.nextUpdateDueAt()).isNull();
        assertThat(state.dedupKey()).isEqualTo("monitor:checkout");
    }
}
