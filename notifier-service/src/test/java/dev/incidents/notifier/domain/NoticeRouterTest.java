package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRouterTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final IncidentBrief CHECKOUT = new IncidentBrief("inc-1", "Checkout down", Severity.SEV1,
            "INVESTIGATING", Set.of("checkout"), "alice", true, NOW.plus(Duration.ofMinutes(15)), null, 0, null);

    static final MaintenanceBrief WINDOW = window(Audience.PUBLIC, 0);

    final Subscription publicFeed = subscription("public", Audience.PUBLIC, null, null);
    final Subscription internalFeed = subscription("internal", Audience.INTERNAL, null, null);
    final Subscription alicesChannel = subscription("alice", Audience.INTERNAL, "alice", null);
    final Subscription bobsChannel = subscription("bob", Audience.INTERNAL, "bob", null);
    final Subscription everyCommander = subscription("all-commanders", Audience.INTERNAL, "*", null);
    final Subscription firstLine = subscription("escalation-1", Audience.INTERNAL, null, 1);
    final Subscription secondLine = subscription("escalation-2", Audience.INTERNAL, null, 2);
    final List<Subscription> all = List.of(publicFeed, internalFeed, alicesChannel, bobsChannel, everyCommander,
            firstLine, secondLine);

    @Test
    void a_public_update_reaches_every_feed_and_the_commanders_channel_but_not_escalations() {
        assertThat(recipients(notice(MessageKind.PUBLIC_UPDATE, CHECKOUT, update()))).containsExactlyInAnyOrder(
                "public", "internal", "alice", "all-commanders");
    }

    @Test
    void an_email_address_not_yet_confirmed_receives_nothing_until_it_is() {
        Subscription unconfirmed = Subscription.create("new", new SubscriptionSpec(Channel.EMAIL, "new@example.com",
                Audience.INTERNAL, null, null, null, null, "en", "UTC", "*", null, null), NOW);

        for (MessageKind kind : MessageKind.values()) {
            assertThat(NoticeRouter.recipients(notice(kind, CHECKOUT, alert(0)), List.of(unconfirmed),
                    ComponentGroups.NONE))
                    .as(kind.name()).isEmpty();
        }
        assertThat(NoticeRouter.recipients(notice(MessageKind.UPDATE_OVERDUE, CHECKOUT, alert(0)),
                List.of(unconfirmed.confirm(NOW)), ComponentGroups.NONE)).hasSize(1);
    }

    @Test
    void an_internal_update_never_reaches_a_public_subscriber() {
        assertThat(recipients(notice(MessageKind.INTERNAL_UPDATE, CHECKOUT, update())))
                .doesNotContain("public").contains("internal", "alice");
    }

    @Test
    void overdue_alerts_go_to_the_incidents_commander_channel_only() {
        for (MessageKind kind : List.of(MessageKind.UPDATE_DUE_SOON, MessageKind.UPDATE_OVERDUE,
                MessageKind.RCA_OVERDUE)) {
            assertThat(recipients(notice(kind, CHECKOUT, alert(0)))).as(kind.name())
                    .containsExactlyInAnyOrder("alice", "all-commanders");
        }
    }

    @Test
    void still_overdue_climbs_the_escalation_ladder_one_repeat_at_a_time() {
        assertThat(recipients(notice(MessageKind.UPDATE_STILL_OVERDUE, CHECKOUT, alert(1))))
                .containsExactly("escalation-1");
        assertThat(recipients(notice(MessageKind.UPDATE_STILL_OVERDUE, CHECKOUT, alert(2))))
                .containsExactlyInAnyOrder("escalation-1", "escalation-2");
    }

    @Test
    void the_cleared_alert_reaches_the_commander_and_everyone_the_escalation_reached() {
        assertThat(recipients(notice(MessageKind.UPDATE_OVERDUE_CLEARED, CHECKOUT.escalatedTo(1), alert(0))))
                .containsExactlyInAnyOrder("alice", "all-commanders", "escalation-1");
        assertThat(recipients(notice(MessageKind.UPDATE_OVERDUE_CLEARED, CHECKOUT, alert(0))))
                .containsExactlyInAnyOrder("alice", "all-commanders");
    }

    @Test
    void a_corrective_actions_alerts_reach_its_owners_and_the_commanders_channels() {
        Subscription platform = subscription("platform", Audience.INTERNAL, "platform", null);
        List<Subscription> withOwner = new java.util.ArrayList<>(all);
        withOwner.add(platform);
        for (MessageKind kind : List.of(MessageKind.CORRECTIVE_ACTION_DUE_SOON,
                MessageKind.CORRECTIVE_ACTION_OVERDUE)) {
            assertThat(NoticeRouter.recipients(notice(kind, CHECKOUT, actionAlert(0)), withOwner, ComponentGroups.NONE))
                    .extracting(Subscription::id).as(kind.name())
                    .containsExactlyInAnyOrder("alice", "all-commanders", "platform");
        }
    }

    @Test
    void an_overdue_corrective_action_climbs_the_escalation_ladder_as_it_is_reported_again() {
        assertThat(recipients(notice(MessageKind.CORRECTIVE_ACTION_OVERDUE, CHECKOUT, actionAlert(1))))
                .containsExactlyInAnyOrder("alice", "all-commanders", "escalation-1");
        assertThat(recipients(notice(MessageKind.CORRECTIVE_ACTION_OVERDUE, CHECKOUT, actionAlert(2))))
                .containsExactlyInAnyOrder("alice", "all-commanders", "escalation-1", "escalation-2");
        assertThat(recipients(notice(MessageKind.CORRECTIVE_ACTION_DUE_SOON, CHECKOUT, actionAlert(0))))
                .doesNotContain("escalation-1", "internal");
    }

    @Test
    void filters_on_severity_component_and_kind_apply_to_every_role() {
        Subscription sev2Only = with(internalFeed, Set.of(Severity.SEV2), Set.of(), Set.of());
        Subscription paymentsOnly = with(internalFeed, Set.of(), Set.of("payments"), Set.of());
        Subscription resolutionsOnly = with(publicFeed, Set.of(), Set.of(), Set.of(MessageKind.RESOLVED));
        Subscription checkoutSev1 = with(internalFeed, Set.of(Severity.SEV1), Set.of("checkout", "search"),
                Set.of(MessageKind.PUBLIC_UPDATE));

        Notice update = notice(MessageKind.PUBLIC_UPDATE, CHECKOUT, update());

        assertThat(NoticeRouter.recipients(update, List.of(sev2Only, paymentsOnly, resolutionsOnly, checkoutSev1),
                ComponentGroups.NONE))
                .containsExactly(checkoutSev1);
    }

    @Test
    void a_group_filter_follows_the_catalog_and_a_chosen_component_or_a_chosen_group_is_enough() {
        Subscription shop = with(internalFeed, Set.of(), Set.of(), Set.of("Shop"), Set.of());
        Subscription money = with(internalFeed, Set.of(), Set.of(), Set.of("Money"), Set.of());
        Subscription checkoutOrMoney = with(internalFeed, Set.of(), Set.of("checkout"), Set.of("Money"), Set.of());
        Notice update = notice(MessageKind.PUBLIC_UPDATE, CHECKOUT, update());
        ComponentGroups catalog = id -> id.equals("checkout") ? Optional.of("Shop") : Optional.empty();

        assertThat(NoticeRouter.recipients(update, List.of(shop, money, checkoutOrMoney), catalog))
                .containsExactly(shop, checkoutOrMoney);
        assertThat(NoticeRouter.recipients(update, List.of(shop), ComponentGroups.NONE))
                .as("once the catalog no longer groups checkout under Shop").isEmpty();
    }

    @Test
    void a_public_windows_steps_and_reminder_reach_every_feed_and_its_schedulers_channel_but_not_escalations() {
        for (MessageKind kind : List.of(MessageKind.MAINTENANCE_SCHEDULED, MessageKind.MAINTENANCE_STARTING_SOON,
                MessageKind.MAINTENANCE_STARTED, MessageKind.MAINTENANCE_COMPLETED)) {
            assertThat(recipients(notice(kind, WINDOW, step()))).as(kind.name())
                    .containsExactlyInAnyOrder("public", "internal", "bob", "all-commanders");
        }
    }

    @Test
    void nothing_of_an_internal_window_reaches_a_public_subscriber() {
        MaintenanceBrief internal = window(Audience.INTERNAL, 0);

        for (MessageKind kind : List.of(MessageKind.MAINTENANCE_SCHEDULED, MessageKind.MAINTENANCE_STARTING_SOON,
                MessageKind.MAINTENANCE_STARTED, MessageKind.MAINTENANCE_COMPLETED)) {
            assertThat(recipients(notice(kind, internal, step()))).as(kind.name())
                    .containsExactlyInAnyOrder("internal", "bob", "all-commanders");
        }
    }

    @Test
    void a_late_start_and_an_overrun_go_to_the_schedulers_channel_and_an_overrun_climbs_the_ladder() {
        assertThat(recipients(notice(MessageKind.MAINTENANCE_DUE_TO_START, WINDOW, alert(0))))
                .containsExactlyInAnyOrder("bob", "all-commanders");
        assertThat(recipients(notice(MessageKind.MAINTENANCE_OVERRUN, WINDOW, alert(0))))
                .containsExactlyInAnyOrder("bob", "all-commanders");
        assertThat(recipients(notice(MessageKind.MAINTENANCE_OVERRUN, WINDOW, alert(1))))
                .containsExactlyInAnyOrder("bob", "all-commanders", "escalation-1");
        assertThat(recipients(notice(MessageKind.MAINTENANCE_OVERRUN, WINDOW, alert(2))))
                .containsExactlyInAnyOrder("bob", "all-commanders", "escalation-1", "escalation-2");
    }

    @Test
    void the_end_of_an_escalated_overrun_reaches_everyone_the_escalation_reached() {
        assertThat(recipients(notice(MessageKind.MAINTENANCE_COMPLETED, window(Audience.PUBLIC, 1), step())))
                .containsExactlyInAnyOrder("public", "internal", "bob", "all-commanders", "escalation-1");
        assertThat(recipients(notice(MessageKind.MAINTENANCE_UPDATED, window(Audience.INTERNAL, 2), step())))
                .containsExactlyInAnyOrder("internal", "bob", "all-commanders", "escalation-1", "escalation-2");
    }

    @Test
    void a_window_has_no_severity_so_a_severity_filter_lets_it_through_and_component_filters_apply() {
        Subscription sev1Only = with(internalFeed, Set.of(Severity.SEV1), Set.of(), Set.of());
        Subscription paymentsOnly = with(internalFeed, Set.of(), Set.of("payments"), Set.of());
        Subscription accountsGroup = with(publicFeed, Set.of(), Set.of(), Set.of("Accounts"), Set.of());
        Subscription incidentsOnly = with(internalFeed, Set.of(), Set.of(), Set.of(MessageKind.DECLARED));
        ComponentGroups catalog = id -> id.equals("login") ? Optional.of("Accounts") : Optional.empty();

        assertThat(NoticeRouter.recipients(notice(MessageKind.MAINTENANCE_SCHEDULED, WINDOW, step()),
                List.of(sev1Only, paymentsOnly, accountsGroup, incidentsOnly), catalog))
                .containsExactly(sev1Only, accountsGroup);
    }

    @Test
    void a_message_id_is_stable_per_notice_and_subscription() {
        Notice notice = notice(MessageKind.PUBLIC_UPDATE, CHECKOUT, update());

        assertThat(NoticeRouter.messageId(notice, publicFeed)).isEqualTo(NoticeRouter.messageId(notice, publicFeed))
                .startsWith("msg_").isNotEqualTo(NoticeRouter.messageId(notice, internalFeed));
    }

    private List<String> recipients(Notice notice) {
        return NoticeRouter.recipients(notice, all, ComponentGroups.NONE).stream().map(Subscription::id).toList();
    }

    private static Notice notice(MessageKind kind, NoticeSubject subject, NoticeDetail detail) {
        return new Notice("source-" + kind, kind, subject, NOW, detail);
    }

    private static MaintenanceBrief window(Audience audience, int escalatedTo) {
        return new MaintenanceBrief("mnt-1", "Login database upgrade", Set.of("login"), NOW.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(2)), audience, MaintenanceBrief.Status.SCHEDULED, "bob", escalatedTo, null);
    }

    private static NoticeDetail step() {
        return new NoticeDetail.MaintenanceStep("Sign-in may fail for a minute");
    }

    private static NoticeDetail update() {
        return new NoticeDetail.Updated("IDENTIFIED", "A bad deploy; rolling back", NOW.plus(Duration.ofMinutes(15)));
    }

    private static NoticeDetail alert(int repeat) {
        return new NoticeDetail.DeadlineAlert(NOW, Duration.ofMinutes(5L * repeat), repeat);
    }

    private static NoticeDetail actionAlert(int repeat) {
        return new NoticeDetail.ActionAlert("CA-1", "Canary deploys", "platform", NOW, Duration.ofDays(repeat),
                repeat);
    }

    private static Subscription subscription(String id, Audience audience, String commander, Integer level) {
        return Subscription.create(id, new SubscriptionSpec(Channel.EMAIL, id + "@example.com", audience, null, null,
                null, null, "en", "UTC", commander, level, null), NOW).confirm(NOW);
    }

    private static Subscription with(Subscription s, Set<Severity> severities, Set<String> components,
                                     Set<MessageKind> kinds) {
        return with(s, severities, components, Set.of(), kinds);
    }

    private static Subscription with(Subscription s, Set<Severity> severities, Set<String> components,
                                     Set<String> groups, Set<MessageKind> kinds) {
        return new Subscription(s.id() + "-filtered-" + severities + components + groups + kinds, s.version(),
                s.channel(), s.target(), s.audience(), severities, components, groups, kinds, s.locale(),
                s.timeZone(), s.commander(),
                s.escalationLevel(), s.secrets(), s.awaitingConfirmation(), s.confirmedAt(), s.createdAt(),
                s.updatedAt());
    }
}
