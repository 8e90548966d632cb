package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NoticePlannerTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant FIRST_DEADLINE = T0.plus(Duration.ofMinutes(15));

    @Test
    void a_declaration_starts_the_brief_and_announces_the_next_update() {
        Planned<IncidentBrief> planned = NoticePlanner.plan(null, declared());

        assertThat(planned.brief().title()).isEqualTo("Checkout down");
        assertThat(planned.brief().commander()).isEqualTo("alice");
        assertThat(planned.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.kind()).isEqualTo(MessageKind.DECLARED);
            assertThat(notice.sourceId()).isEqualTo("evt-1");
            assertThat(notice.detail()).isEqualTo(new NoticeDetail.Declared("Customers cannot pay", FIRST_DEADLINE));
        });
    }

    @Test
    void a_public_and_an_internal_update_become_different_kinds_and_move_the_next_update() {
        IncidentBrief brief = NoticePlanner.plan(null, declared()).brief();
        Instant next = FIRST_DEADLINE.plus(Duration.ofMinutes(15));

        Planned<IncidentBrief> publicUpdate = NoticePlanner.plan(brief, new Happening.UpdatePosted("evt-2", "inc-1", T0,
                "IDENTIFIED", "A bad deploy", Audience.PUBLIC, next));
        Planned<IncidentBrief> internalUpdate = NoticePlanner.plan(brief, new Happening.UpdatePosted("evt-3", "inc-1", T0,
                "IDENTIFIED", "Rolled back build 4711", Audience.INTERNAL, next));

        assertThat(publicUpdate.notice().orElseThrow().kind()).isEqualTo(MessageKind.PUBLIC_UPDATE);
        assertThat(internalUpdate.notice().orElseThrow().kind()).isEqualTo(MessageKind.INTERNAL_UPDATE);
        assertThat(publicUpdate.brief().nextUpdateDueAt()).isEqualTo(next);
        assertThat(publicUpdate.brief().status()).isEqualTo("IDENTIFIED");
    }

    @Test
    void a_resolution_closes_the_brief_and_tells_when_the_rca_is_due() {
        IncidentBrief brief = NoticePlanner.plan(null, declared()).brief();
        Instant rcaDue = T0.plus(Duration.ofDays(5));

        Planned<IncidentBrief> planned = NoticePlanner.plan(brief,
                new Happening.Resolved("evt-2", "inc-1", T0, "Fixed", rcaDue));

        assertThat(planned.brief().open()).isFalse();
        assertThat(planned.brief().rcaDueAt()).isEqualTo(rcaDue);
        assertThat(planned.notice().orElseThrow().detail()).isEqualTo(new NoticeDetail.Resolved("Fixed", rcaDue));
    }

    @Test
    void a_brief_is_settled_once_resolved_with_its_rca_published_and_no_longer_if_reopened() {
        IncidentBrief open = NoticePlanner.plan(null, declared()).brief();
        IncidentBrief resolved = NoticePlanner.plan(open, new Happening.Resolved("evt-2", "inc-1", T0, "Fixed",
                T0.plus(Duration.ofDays(5)))).brief();
        Instant published = T0.plus(Duration.ofDays(2));

        IncidentBrief settled = NoticePlanner.plan(resolved, new Happening.RcaPublished("evt-3", "inc-1", published,
                "A bad deploy", List.of(), null)).brief();
        IncidentBrief reopened = NoticePlanner.plan(settled, new Happening.Reopened("evt-4", "inc-1",
                published.plusSeconds(60), "It is back", published.plus(Duration.ofMinutes(16)))).brief();

        assertThat(resolved.settledBefore(published.plus(Duration.ofDays(365)))).isFalse();
        assertThat(settled.settledBefore(published)).isFalse();
        assertThat(settled.settledBefore(published.plusSeconds(1))).isTrue();
        assertThat(reopened.settledBefore(published.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void an_rca_carries_our_corrective_actions_even_when_a_vendor_caused_it() {
        IncidentBrief brief = NoticePlanner.plan(null, declared()).brief();
        List<NoticeDetail.CorrectiveAction> actions = List.of(new NoticeDetail.CorrectiveAction(
                "Fail over to a second payment provider", "payments-team", T0.plus(Duration.ofDays(30))));

        Planned<IncidentBrief> planned = NoticePlanner.plan(brief, new Happening.RcaPublished("evt-3", "inc-1", T0,
                "The provider's API returned 500s", actions, "PayCo"));

        assertThat(planned.notice().orElseThrow().detail()).isEqualTo(new NoticeDetail.RcaPublished(
                "The provider's API returned 500s", actions, "PayCo"));
    }

    @Test
    void escalations_remember_how_far_they_climbed_until_the_alert_is_cleared() {
        IncidentBrief brief = NoticePlanner.plan(null, declared()).brief();

        Planned<IncidentBrief> first = NoticePlanner.plan(brief, detected("det-1", MessageKind.UPDATE_STILL_OVERDUE, 1));
        Planned<IncidentBrief> second = NoticePlanner.plan(first.brief(),
                detected("det-2", MessageKind.UPDATE_STILL_OVERDUE, 2));
        Planned<IncidentBrief> cleared = NoticePlanner.plan(second.brief(),
                detected("det-3", MessageKind.UPDATE_OVERDUE_CLEARED, 0));

        assertThat(second.notice().orElseThrow().subject().escalatedTo()).isEqualTo(2);
        assertThat(cleared.notice().orElseThrow().subject().escalatedTo()).isEqualTo(2);
        assertThat(cleared.brief().escalatedTo()).isZero();
    }

    @Test
    void a_detection_about_an_incident_never_declared_here_still_alerts_with_what_it_knows() {
        Planned<IncidentBrief> planned = NoticePlanner.plan(null, detected("det-1", MessageKind.UPDATE_OVERDUE, 0));

        assertThat(planned.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.subject()).isInstanceOfSatisfying(IncidentBrief.class, incident -> {
                assertThat(incident.severity()).isEqualTo(Severity.SEV1);
                assertThat(incident.commander()).isEqualTo("alice");
            });
        });
    }

    @Test
    void a_linked_customer_report_is_not_announced() {
        IncidentBrief brief = NoticePlanner.plan(null, declared()).brief();

        Planned<IncidentBrief> planned = NoticePlanner.plan(brief, new Happening.Unannounced("evt-4", "inc-1", T0));

        assertThat(planned.notice()).isEmpty();
        assertThat(planned.brief()).isEqualTo(brief);
    }

    private static Happening.Declared declared() {
        return new Happening.Declared("evt-1", "inc-1", T0, "Checkout down", Severity.SEV1, "Customers cannot pay",
                Set.of("checkout"), "alice", FIRST_DEADLINE);
    }

    private static Happening.Detected detected(String id, MessageKind kind, int repeat) {
        return new Happening.Detected(id, "inc-1", FIRST_DEADLINE.plus(Duration.ofMinutes(5L * repeat)), kind,
                FIRST_DEADLINE, Duration.ofMinutes(5L * repeat), repeat, Severity.SEV1, "alice", null);
    }
}
