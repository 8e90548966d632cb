package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What answers and logs show of a target. */
class TargetsTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx";

    @Test
    void answers_show_a_slack_url_only_up_to_its_host_and_its_last_characters() {
        assertThat(Targets.shown(Channel.SLACK, SLACK)).isEqualTo("https://hooks.slack.com/…uvwx");
        assertThat(Targets.shown(Channel.TEAMS, "https://contoso.webhook.office.com/webhookb2/secret-part-1234"))
                .isEqualTo("https://contoso.webhook.office.com/…1234");
        assertThat(Targets.shown(Channel.DISCORD, "https://discord.com/api/webhooks/1/token-9876"))
                .isEqualTo("https://discord.com/…9876");
        assertThat(Targets.shown(Channel.WEBHOOK, "https://hooks.example.com/x"))
                .isEqualTo("https://hooks.example.com/x");
        assertThat(Targets.shown(Channel.EMAIL, "ops@example.com")).isEqualTo("ops@example.com");
    }

    @Test
    void logs_show_where_a_message_goes_but_no_path_credential_or_address() {
        Subscription slack = Subscription.create("s-1", new SubscriptionSpec(Channel.SLACK, SLACK, Audience.PUBLIC,
                null, null, null, null, "en", "UTC", null, null, null), Instant.EPOCH);
        Subscription email = Subscription.create("s-2", new SubscriptionSpec(Channel.EMAIL, "ops@example.com",
                Audience.INTERNAL, null, null, null, null, "en", "UTC", null, null, null), Instant.EPOCH);

        for (Object logged : List.of(slack, email, new SubscriptionSpec(Channel.EMAIL, "ops@example.com",
                Audience.INTERNAL, null, null, null, null, "en", "UTC", null, null, null))) {
            assertThat(logged.toString()).doesNotContain("services").doesNotContain("T0001").doesNotContain("ops@");
        }
        assertThat(slack.toString()).contains("https://hooks.slack.com");
        assertThat(email.toString()).contains("an email address");
    }
}
