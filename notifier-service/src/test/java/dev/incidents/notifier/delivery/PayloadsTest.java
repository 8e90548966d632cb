package dev.incidents.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.Severity;
import dev.incidents.avro.notifier.MaintenanceBrief;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OutboundMessage MESSAGE = OutboundMessage.newBuilder().setMessageId("msg_1")
            .setSubscriptionId("sub-1").setSourceId("evt-2").setIncidentId("inc-1")
            .setKind(MessageKind.PUBLIC_UPDATE).setCreatedAt(Instant.parse("2026-11-23T10:00:00Z")).setLocale("en")
            .setSubject("[SEV1] Update: Checkout <down>")
            .setText("Status: Identified\n\nA bad deploy & a <b>rollback</b>\n\nNext update by Nov 23, 2026.")
            .setHtml("<p>html</p>").setIncidentTitle("Checkout <down>").setSeverity(Severity.SEV1)
            .setStatus("IDENTIFIED").setNextUpdateDueAt(Instant.parse("2026-11-23T10:15:00Z")).build();

    @Test
    void a_webhook_event_names_its_type_and_carries_the_incident_and_the_written_text() throws Exception {
        JsonNode event = JSON.readTree(Payloads.webhook(MESSAGE));

        assertThat(event.get("type").asText()).isEqualTo("incident.public_update");
        assertThat(event.at("/data/messageId").asText()).isEqualTo("msg_1");
        assertThat(event.at("/data/incident/id").asText()).isEqualTo("inc-1");
        assertThat(event.at("/data/incident/nextUpdateDueAt").asText()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(event.at("/data/incident/rcaDueAt").isNull()).isTrue();
        assertThat(event.at("/data/text").asText()).isEqualTo(MESSAGE.getText());
    }

    @Test
    void a_maintenance_webhook_event_is_typed_maintenance_and_carries_the_window_instead_of_an_incident()
            throws Exception {
        OutboundMessage reminder = OutboundMessage.newBuilder(MESSAGE).setIncidentId(null).setIncidentTitle(null)
                .setSeverity(null).setStatus(null).setNextUpdateDueAt(null)
                .setKind(MessageKind.MAINTENANCE_STARTING_SOON).setSubject("Maintenance starts soon: Login upgrade")
                .setMaintenance(MaintenanceBrief.newBuilder().setMaintenanceId("mnt-1").setTitle("Login upgrade")
                        .setStatus("SCHEDULED").setComponents(List.of("login"))
                        .setStartsAt(Instant.parse("2026-11-23T11:00:00Z"))
                        .setEndsAt(Instant.parse("2026-11-23T12:00:00Z")).build()).build();

        JsonNode event = JSON.readTree(Payloads.webhook(reminder));
        JsonNode discord = JSON.readTree(Payloads.discord(reminder));

        assertThat(event.get("type").asText()).isEqualTo("maintenance.starting_soon");
        assertThat(event.at("/data/maintenance/id").asText()).isEqualTo("mnt-1");
        assertThat(event.at("/data/maintenance/startsAt").asText()).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(event.at("/data/maintenance/components/0").asText()).isEqualTo("login");
        assertThat(event.at("/data/incident").isMissingNode()).isTrue();
        assertThat(discord.at("/embeds/0/footer/text").asText()).isEqualTo("Maintenance mnt-1");
        assertThat(discord.at("/embeds/0/color").asInt()).isEqualTo(0x0550AE);
    }

    @Test
    void a_slack_message_has_a_fallback_text_and_header_section_and_context_blocks_escaped_for_slack()
            throws Exception {
        JsonNode slack = JSON.readTree(Payloads.slack(MESSAGE));

        assertThat(slack.get("text").asText()).isEqualTo("[SEV1] Update: Checkout &lt;down&gt;");
        assertThat(slack.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(slack.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(slack.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(slack.at("/blocks/1/text/text").asText())
                .contains("A bad deploy &amp; a &lt;b&gt;rollback&lt;/b&gt;").doesNotContain("<b>");
        assertThat(slack.at("/blocks/2/elements/0/text").asText()).isEqualTo("Incident inc-1 · SEV1");
    }

    @Test
    void a_title_cannot_mention_a_channel_or_link_anywhere_in_slack() throws Exception {
        OutboundMessage hostile = OutboundMessage.newBuilder(MESSAGE)
                .setSubject("[SEV1] <!channel> <https://evil.example|click here> & <@U123>").build();

        JsonNode slack = JSON.readTree(Payloads.slack(hostile));

        assertThat(slack.get("text").asText())
                .isEqualTo("[SEV1] &lt;!channel&gt; &lt;https://evil.example|click here&gt; &amp; &lt;@U123&gt;");
        assertThat(slack.at("/blocks/0/text/type").asText()).as("a header shows mentions as text")
                .isEqualTo("plain_text");
    }

    @Test
    void a_teams_message_is_one_adaptive_card_with_the_subject_the_text_and_the_incident() throws Exception {
        JsonNode teams = JSON.readTree(Payloads.teams(MESSAGE));

        assertThat(teams.get("type").asText()).isEqualTo("message");
        assertThat(teams.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = teams.at("/attachments/0/content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.at("/body/0/text").asText()).isEqualTo("[SEV1] Update: Checkout <down>".replace("[", "\\[")
                .replace("]", "\\]").replace("<", "\\<").replace(">", "\\>"));
        assertThat(card.at("/body/0/weight").asText()).isEqualTo("Bolder");
        assertThat(card.at("/body/1/text").asText()).contains("Status: Identified").contains("Next update by");
        assertThat(card.at("/body/2/text").asText()).isEqualTo("Incident inc-1 · SEV1");
    }

    @Test
    void a_discord_message_is_one_embed_coloured_by_severity_that_mentions_nobody() throws Exception {
        JsonNode discord = JSON.readTree(Payloads.discord(MESSAGE));

        assertThat(discord.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(discord.at("/allowed_mentions/parse")).isEmpty();
        JsonNode embed = discord.at("/embeds/0");
        assertThat(embed.get("title").asText()).isEqualTo("\\[SEV1\\] Update: Checkout \\<down\\>");
        assertThat(embed.get("description").asText()).contains("A bad deploy & a \\<b\\>rollback\\</b\\>");
        assertThat(embed.get("color").asInt()).isEqualTo(0xDC2626);
        assertThat(embed.at("/footer/text").asText()).isEqualTo("Incident inc-1 · SEV1");
        assertThat(embed.get("timestamp").asText()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void no_incident_text_becomes_a_link_formatting_or_a_mention_in_teams_or_discord() throws Exception {
        OutboundMessage hostile = OutboundMessage.newBuilder(MESSAGE)
                .setSubject("[click here](https://evil.example) **now** @everyone <@123> ||spoiler||")
                .setText("`code` _it_ ~~gone~~ \\ back").build();

        for (String payload : java.util.List.of(Payloads.teams(hostile), Payloads.discord(hostile))) {
            JsonNode root = JSON.readTree(payload);
            String subject = root.has("embeds") ? root.at("/embeds/0/title").asText()
                    : root.at("/attachments/0/content/body/0/text").asText();
            String text = root.has("embeds") ? root.at("/embeds/0/description").asText()
                    : root.at("/attachments/0/content/body/1/text").asText();
            assertThat(subject).isEqualTo("\\[click here\\](https://evil.example) \\*\\*now\\*\\* @everyone "
                    + "\\<@123\\> \\|\\|spoiler\\|\\|");
            assertThat(text).isEqualTo("\\`code\\` \\_it\\_ \\~\\~gone\\~\\~ \\\\ back");
        }
        assertThat(JSON.readTree(Payloads.discord(hostile)).at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void long_texts_are_cut_to_the_tools_limits() throws Exception {
        OutboundMessage longOne = OutboundMessage.newBuilder(MESSAGE).setSubject("s".repeat(500))
                .setText("t".repeat(20_000)).build();

        JsonNode embed = JSON.readTree(Payloads.discord(longOne)).at("/embeds/0");
        assertThat(embed.get("title").asText()).hasSize(256).endsWith("…");
        assertThat(embed.get("description").asText()).hasSize(4096);
        JsonNode card = JSON.readTree(Payloads.teams(longOne)).at("/attachments/0/content");
        assertThat(card.at("/body/1/text").asText()).hasSize(10_000);
    }
}
