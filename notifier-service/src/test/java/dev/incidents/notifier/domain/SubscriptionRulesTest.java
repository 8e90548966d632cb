package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubscriptionRulesTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @Test
    void a_webhook_with_an_https_target_and_a_secret_is_valid() {
        assertThat(SubscriptionRules.check(webhook("https://hooks.example.com/incidents"), true)).isEmpty();
    }

    @Test
    void a_target_on_another_scheme_is_refused() {
        for (String target : List.of("ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)",
                "example.com/no-scheme", "https://user:pw@example.com/", "http://h.example:99999/")) {
            assertThat(SubscriptionRules.check(webhook(target), true)).as(target)
                    .extracting(Violation::field).containsExactly("target");
        }
    }

    @Test
    void an_email_subscription_needs_an_address_and_no_secret() {
        assertThat(SubscriptionRules.check(email("oncall@example.com"), true)).isEmpty();
        assertThat(SubscriptionRules.check(email("not an address"), true)).extracting(Violation::field)
                .containsExactly("target");
        assertThat(SubscriptionRules.check(with(email("oncall@example.com"), List.of(SECRET)), true))
                .extracting(Violation::field).containsExactly("secrets");
    }

    @Test
    void a_webhook_without_a_secret_or_with_a_malformed_one_is_refused() {
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), null), true))
                .extracting(Violation::field).containsExactly("secrets");
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), List.of("plain-password")), true))
                .extracting(Violation::field).containsExactly("secrets[0]");
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), List.of("whsec_c2hvcnQ=")), true))
                .extracting(Violation::field).containsExactly("secrets[0]");
    }

    @Test
    void two_secrets_may_be_active_while_rotating_but_not_three() {
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), List.of(SECRET, OTHER_SECRET)),
                true)).isEmpty();
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"),
                List.of(SECRET, OTHER_SECRET, SECRET)), true)).extracting(Violation::field)
                .containsExactly("secrets");
    }

    @Test
    void a_change_may_leave_the_secrets_out_but_not_empty_them() {
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), null), false)).isEmpty();
        assertThat(SubscriptionRules.check(with(webhook("https://example.com/h"), List.of()), false))
                .extracting(Violation::field).containsExactly("secrets");
    }

    @Test
    void unknown_locales_and_zones_are_refused() {
        SubscriptionSpec spec = new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.PUBLIC, null, null, null,
                null, "xx-YY", "Mars/Olympus", null, null, null);
        assertThat(SubscriptionRules.check(spec, true)).extracting(Violation::field)
                .containsExactly("locale", "timeZone");
    }

    @Test
    void every_supported_locale_is_accepted() {
        for (String locale : List.of("en", "de", "fr", "ja", "zh-TW", "tr")) {
            SubscriptionSpec spec = new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.PUBLIC, null, null,
                    null, null, locale, "Asia/Taipei", null, null, null);
            assertThat(SubscriptionRules.check(spec, true)).as(locale).isEmpty();
        }
    }

    @Test
    void a_public_subscription_cannot_ask_for_internal_messages_escalations_or_a_commander() {
        SubscriptionSpec spec = new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.PUBLIC, null, null, null,
                Set.of(MessageKind.PUBLIC_UPDATE, MessageKind.UPDATE_OVERDUE), "en", "UTC", "alice", 1, null);
        assertThat(SubscriptionRules.check(spec, true)).extracting(Violation::field)
                .containsExactly("messageKinds", "commander", "escalationLevel");
    }

    @Test
    void a_subscription_more_than_the_notifier_keeps_is_refused() {
        assertThat(SubscriptionRules.roomForOneMore(9_999, 10_000)).isEmpty();
        assertThat(SubscriptionRules.roomForOneMore(10_000, 10_000)).hasValueSatisfying(reason ->
                assertThat(reason).contains("10000 subscriptions").contains("incidents.max-subscriptions"));
    }

    @Test
    void the_request_to_confirm_an_address_is_no_choice_of_messages() {
        for (Audience audience : Audience.values()) {
            SubscriptionSpec spec = new SubscriptionSpec(Channel.EMAIL, "a@example.com", audience, null, null, null,
                    Set.of(MessageKind.CONFIRMATION_REQUESTED), "en", "UTC", null, null, null);
            assertThat(SubscriptionRules.check(spec, true)).as(audience.name()).extracting(Violation::message)
                    .containsExactly("CONFIRMATION_REQUESTED is sent to every new email address and is no choice "
                            + "of messages.");
        }
    }

    @Test
    void an_internal_escalation_subscriber_names_its_level() {
        SubscriptionSpec spec = new SubscriptionSpec(Channel.SLACK, "https://hooks.slack.com/services/T/B/X",
                Audience.INTERNAL, null, null, null, null, "en", "UTC", null, 2, null);
        assertThat(SubscriptionRules.check(spec, true)).isEmpty();
        SubscriptionSpec tooHigh = new SubscriptionSpec(Channel.SLACK, "https://hooks.slack.com/services/T/B/X",
                Audience.INTERNAL, null, null, null, null, "en", "UTC", null, 11, null);
        assertThat(SubscriptionRules.check(tooHigh, true)).extracting(Violation::field)
                .containsExactly("escalationLevel");
    }

    @Test
    void a_change_keeps_the_secrets_it_leaves_out_and_the_age_of_those_it_repeats() {
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        Instant rotated = created.plusSeconds(3600);
        Subscription subscription = Subscription.create("s-1", webhook("https://example.com/h"), created);

        Subscription unchanged = subscription.change(with(webhook("https://example.com/other"), null), rotated);
        Subscription rotating = subscription.change(with(webhook("https://example.com/h"),
                List.of(SECRET, OTHER_SECRET)), rotated);

        assertThat(unchanged.version()).isEqualTo(2);
        assertThat(unchanged.target()).isEqualTo("https://example.com/other");
        assertThat(unchanged.secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
        assertThat(rotating.secrets()).extracting(SigningSecret::addedAt).containsExactly(created, rotated);
        assertThat(rotating.toString()).doesNotContain(SECRET);
    }

    @Test
    void an_email_subscription_is_created_without_secrets_in_its_locale_and_zone() {
        Subscription subscription = Subscription.create("s-2", email("oncall@example.com"),
                Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(subscription.secrets()).isEmpty();
        assertThat(subscription.locale().toLanguageTag()).isEqualTo("de");
        assertThat(subscription.timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(subscription.version()).isEqualTo(1);
    }

    @Test
    void texts_with_characters_no_text_may_hold_or_longer_than_a_name_are_refused() {
        SubscriptionSpec email = email("a@example.com");
        SubscriptionSpec unsafe = new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.INTERNAL, null,
                Set.of("check\u202eout"), null, null, "de", "Europe/Berlin", "Dana\ud800", null, null);
        SubscriptionSpec tooLong = new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.INTERNAL, null,
                Set.of("x".repeat(SubscriptionRules.MAX_TEXT + 1)), null, null, "de", "Europe/Berlin", null, null,
                null);

        assertThat(SubscriptionRules.check(email, true)).isEmpty();
        assertThat(SubscriptionRules.check(unsafe, true)).extracting(Violation::field)
                .containsExactlyInAnyOrder("commander", "components[0]");
        assertThat(SubscriptionRules.check(webhook("https://hooks.example.com/\uffff"), true))
                .extracting(Violation::field).contains("target");
        assertThat(SubscriptionRules.check(tooLong, true)).extracting(Violation::field).containsExactly("components[0]");
    }

    @Test
    void a_subscription_filters_on_at_most_fifty_components_unless_configured_otherwise() {
        Set<String> fifty = new HashSet<>();
        for (int i = 0; i < SubscriptionRules.DEFAULT_MAX_COMPONENTS; i++) {
            fifty.add("component-" + i);
        }
        Set<String> fiftyOne = new HashSet<>(fifty);
        fiftyOne.add("one-more");

        assertThat(SubscriptionRules.check(withComponents(fifty), true)).isEmpty();
        assertThat(SubscriptionRules.check(withComponents(fifty), true, 49)).extracting(Violation::field)
                .containsExactly("components");
        assertThat(SubscriptionRules.check(withComponents(fiftyOne), true)).extracting(Violation::field)
                .containsExactly("components");
    }

    @Test
    void components_and_groups_must_be_the_catalogs_and_a_refusal_names_what_it_has() {
        Set<String> components = Set.of("checkout", "search");
        Set<String> groups = Set.of("Shop");
        SubscriptionSpec known = withParts(Set.of("checkout"), Set.of("Shop"));
        SubscriptionSpec unknown = withParts(Set.of("checkout", "paymnts"), Set.of("Shop", "Money"));

        assertThat(SubscriptionRules.checkCatalogChoices(known, components, groups)).isEmpty();
        assertThat(SubscriptionRules.checkCatalogChoices(unknown, components, groups)).extracting(Violation::field,
                Violation::message).containsExactly(
                tuple("components", "'paymnts' is not a component of the component catalog. The catalog's: "
                        + "'checkout', 'search'."),
                tuple("groups", "'Money' is not a group of the component catalog. The catalog's: 'Shop'."));
        assertThat(SubscriptionRules.checkCatalogChoices(unknown, Set.of(), Set.of())).extracting(Violation::message)
                .containsExactly("'checkout', 'paymnts' are not components of the component catalog. The catalog "
                        + "has no components yet.", "'Money', 'Shop' are not groups of the component catalog. The "
                        + "catalog has no groups yet.");
    }

    private static SubscriptionSpec withComponents(Set<String> components) {
        return withParts(components, null);
    }

    private static SubscriptionSpec withParts(Set<String> components, Set<String> groups) {
        return new SubscriptionSpec(Channel.EMAIL, "a@example.com", Audience.INTERNAL, null, components, groups,
                null, "de", "Europe/Berlin", null, null, null);
    }

    private static SubscriptionSpec webhook(String target) {
        return new SubscriptionSpec(Channel.WEBHOOK, target, Audience.PUBLIC, null, null, null, null, "en", "UTC", null,
                null, List.of(SECRET));
    }

    private static SubscriptionSpec email(String address) {
        return new SubscriptionSpec(Channel.EMAIL, address, Audience.INTERNAL, null, null, null, null, "de",
                "Europe/Berlin", null, null, null);
    }

    private static SubscriptionSpec with(SubscriptionSpec spec, List<String> secrets) {
        return new SubscriptionSpec(spec.channel(), spec.target(), spec.audience(), spec.severities(),
                spec.components(), spec.groups(), spec.messageKinds(), spec.locale(), spec.timeZone(), spec.commander(),
                spec.escalationLevel(), secrets);
    }
}
