package dev.incidents.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.Severity;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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
}
