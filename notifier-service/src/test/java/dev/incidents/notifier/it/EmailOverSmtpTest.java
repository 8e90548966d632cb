package dev.incidents.notifier.it;

import dev.incidents.avro.Severity;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.delivery.EmailSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A written message sent over real SMTP arrives with its subject, both parts and a Message-ID from its id. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class EmailOverSmtpTest extends SignedInAsNotifierAdmin {

    @Inject
    EmailSender sender;

    @Test
    void an_email_carries_a_text_and_an_html_part_and_the_message_id() throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        OutboundMessage message = OutboundMessage.newBuilder().setMessageId(messageId).setSubscriptionId("sub-1")
                .setSourceId("evt-1").setIncidentId("inc-1").setKind(MessageKind.PUBLIC_UPDATE)
                .setCreatedAt(Instant.parse("2026-11-23T10:00:00Z")).setLocale("de")
                .setSubject("[SEV1] Update: Checkout down").setText("Status: Ursache gefunden\n")
                .setHtml("<p>Status: Ursache gefunden</p>").setIncidentTitle("Checkout down")
                .setSeverity(Severity.SEV1).build();

        sender.send(message, "oncall@example.com").await().atMost(Duration.ofSeconds(10));

        MimeMessage received = Arrays.stream(NotifierTestStack.mailbox().getReceivedMessages())
                .filter(m -> subject(m).equals("[SEV1] Update: Checkout down")).findFirst().orElseThrow();
        assertThat(received.getMessageID()).isEqualTo("<" + messageId + "@incident-timeline>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");
        String body = collect(received.getContent());
        assertThat(body).contains("Status: Ursache gefunden").contains("<p>Status: Ursache gefunden</p>");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String collect(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(collect(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
