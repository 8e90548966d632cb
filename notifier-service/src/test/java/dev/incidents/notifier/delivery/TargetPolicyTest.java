package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.domain.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network rules of a target when it is saved; decided on the text, nothing is resolved or connected. */
class TargetPolicyTest {

    private static final Map<Channel, List<String>> CHAT_HOSTS = Map.of(Channel.SLACK, List.of("hooks.slack.com"),
            Channel.TEAMS, List.of(".webhook.office.com", ".logic.azure.com"),
            Channel.DISCORD, List.of("discord.com", "discordapp.com"));
    private final TargetPolicy strict = new TargetPolicy(NetworkPolicy.allowing(List.of()), CHAT_HOSTS);
    private final TargetPolicy loopback = new TargetPolicy(NetworkPolicy.allowing(List.of("127.0.0.0/8")),
            CHAT_HOSTS);

    @Test
    void webhooks_to_internal_addresses_are_refused_unless_their_network_is_allowed() {
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                "http://127.0.0.1:9000/hook", "http://localhost:9000/hook", "http://[::1]/", "http://[fd00:ec2::254]/",
                "http://2130706433/")) {
            assertThat(strict.check(spec(Channel.WEBHOOK, target))).as(target).map(Violation::field)
                    .contains("target");
        }
        assertThat(strict.check(spec(Channel.WEBHOOK, "https://hooks.example.com/incidents"))).isEmpty();
        assertThat(loopback.check(spec(Channel.WEBHOOK, "http://127.0.0.1:9000/hook"))).isEmpty();
        assertThat(loopback.check(spec(Channel.WEBHOOK, "http://169.254.169.254/"))).isPresent();
    }

    @Test
    void slack_targets_are_https_on_slacks_webhook_host_or_in_an_allowed_network() {
        assertThat(strict.check(spec(Channel.SLACK, "https://hooks.slack.com/services/T0/B0/x"))).isEmpty();
        assertThat(strict.check(spec(Channel.SLACK, "http://hooks.slack.com/services/T0/B0/x"))).isPresent();
        assertThat(strict.check(spec(Channel.SLACK, "https://evil.example/services/x"))).isPresent();
        assertThat(loopback.check(spec(Channel.SLACK, "http://127.0.0.1:9000/slack"))).isEmpty();
    }

    @Test
    void teams_targets_are_https_on_a_subdomain_of_its_webhook_hosts_or_in_an_allowed_network() {
        assertThat(strict.check(spec(Channel.TEAMS, "https://contoso.webhook.office.com/webhookb2/abc"))).isEmpty();
        assertThat(strict.check(spec(Channel.TEAMS,
                "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"))).isEmpty();
        assertThat(strict.check(spec(Channel.TEAMS, "https://webhook.office.com/x"))).as("the suffix alone")
                .isPresent();
        assertThat(strict.check(spec(Channel.TEAMS, "https://evilwebhook.office.com.example/x"))).isPresent();
        assertThat(strict.check(spec(Channel.TEAMS, "http://contoso.webhook.office.com/webhookb2/abc")))
                .map(Violation::message).hasValueSatisfying(message -> assertThat(message)
                        .contains("incidents.delivery.teams-hosts"));
        assertThat(loopback.check(spec(Channel.TEAMS, "http://127.0.0.1:9000/teams"))).isEmpty();
    }

    @Test
    void discord_targets_are_https_on_discords_hosts_or_in_an_allowed_network() {
        assertThat(strict.check(spec(Channel.DISCORD, "https://discord.com/api/webhooks/1/abc"))).isEmpty();
        assertThat(strict.check(spec(Channel.DISCORD, "https://DISCORDAPP.com/api/webhooks/1/abc"))).isEmpty();
        assertThat(strict.check(spec(Channel.DISCORD, "https://evil.discord.com.example/api/webhooks/1/abc")))
                .isPresent();
        assertThat(strict.check(spec(Channel.DISCORD, "https://hooks.slack.com/services/x"))).isPresent();
        assertThat(loopback.check(spec(Channel.DISCORD, "http://127.0.0.1:9000/discord"))).isEmpty();
    }

    @Test
    void email_addresses_are_not_network_targets() {
        assertThat(strict.check(spec(Channel.EMAIL, "ops@10.0.0.1"))).isEmpty();
    }

    private static SubscriptionSpec spec(Channel channel, String target) {
        return new SubscriptionSpec(channel, target, Audience.PUBLIC, null, null, null, null, "en", "UTC", null, null,
                channel == Channel.WEBHOOK ? List.of("whsec_c2VjcmV0") : null);
    }
}
