package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An email address is confirmed before it is sent anything, and again whenever it changes. */
class SubscriptionTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofHours(1));

    @Test
    void a_new_email_subscription_awaits_confirmation_and_may_be_sent_only_the_request() {
        Subscription created = Subscription.create("s", email("ops@example.com"), T0);

        assertThat(created.awaitingConfirmation()).isTrue();
        assertThat(created.confirmedAt()).isNull();
        assertThat(created.mayBeSent(MessageKind.CONFIRMATION_REQUESTED)).isTrue();
        assertThat(created.mayBeSent(MessageKind.DECLARED)).isFalse();
    }

    @Test
    void once_confirmed_it_may_be_sent_everything_but_another_request() {
        Subscription confirmed = Subscription.create("s", email("ops@example.com"), T0).confirm(LATER);

        assertThat(confirmed.awaitingConfirmation()).isFalse();
        assertThat(confirmed.confirmedAt()).isEqualTo(LATER);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(confirmed.mayBeSent(MessageKind.DECLARED)).isTrue();
        assertThat(confirmed.mayBeSent(MessageKind.CONFIRMATION_REQUESTED)).isFalse();
        assertThat(confirmed.confirm(LATER.plusSeconds(5))).isSameAs(confirmed);
    }

    @Test
    void a_new_address_must_be_confirmed_again_while_other_changes_keep_the_confirmation() {
        Subscription confirmed = Subscription.create("s", email("ops@example.com"), T0).confirm(T0);

        Subscription otherFilters = confirmed.change(email(" ops@example.com ").withTarget("ops@example.com"), LATER);
        Subscription otherAddress = confirmed.change(email("oncall@example.com"), LATER);

        assertThat(otherFilters.awaitingConfirmation()).isFalse();
        assertThat(otherFilters.confirmedAt()).isEqualTo(T0);
        assertThat(otherAddress.awaitingConfirmation()).isTrue();
        assertThat(otherAddress.confirmedAt()).isNull();
    }

    @Test
    void webhooks_and_a_change_away_from_email_need_no_confirmation() {
        SubscriptionSpec webhook = new SubscriptionSpec(Channel.WEBHOOK, "https://hooks.example.com/x",
                Audience.PUBLIC, Set.of(), Set.of(), null, Set.of(), "en", "UTC", null, null, List.of("whsec_AAAA"));

        assertThat(Subscription.create("w", webhook, T0).awaitingConfirmation()).isFalse();
        assertThat(Subscription.create("s", email("ops@example.com"), T0).change(webhook, LATER)
                .awaitingConfirmation()).isFalse();
        assertThat(Subscription.create("w", webhook, T0).change(email("ops@example.com"), LATER)
                .awaitingConfirmation()).isTrue();
    }

    private static SubscriptionSpec email(String address) {
        return new SubscriptionSpec(Channel.EMAIL, address, Audience.PUBLIC, Set.of(), Set.of(), null, Set.of(), "de",
                "Europe/Berlin", null, null, null);
    }
}
