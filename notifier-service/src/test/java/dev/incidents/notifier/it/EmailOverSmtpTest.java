package dev.incidents.notifier.it;

import dev.incidents.avro.Severity;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.delivery.EmailSender;
import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.Await;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email over real SMTP (GreenMail): a new address gets one confirmation mail in its language and nothing else until
 * its recipient follows the link; then incident mail arrives, each with RFC 8058 one-click unsubscribe, which works
 * without signing in.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class EmailOverSmtpTest extends SignedInAsNotifierAdmin {

    static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"<>]+(/mail/confirm/[^\\s\"<>]+)");
    static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("<https?://[^>]+(/mail/unsubscribe/[^>]+)>");

    @Inject
    EmailSender sender;

    @Test
    void an_email_carries_a_text_and_an_html_part_the_message_id_and_one_click_unsubscribe() throws Exception {
        String messageId = "msg_" + UUID.randomUUID();
        OutboundMessage message = OutboundMessage.newBuilder().setMessageId(messageId).setSubscriptionId("sub-1")
                .setSourceId("evt-1").setIncidentId("inc-1").setKind(MessageKind.PUBLIC_UPDATE)
                .setCreatedAt(Instant.parse("2026-11-23T10:00:00Z")).setLocale("de")
                .setSubject("[SEV1] Update: Checkout down").setText("Status: Ursache gefunden\n")
                .setHtml("<html><body><p>Status: Ursache gefunden</p></body></html>").setIncidentTitle("Checkout down")
                .setSeverity(Severity.SEV1).build();
        Subscription subscription = Subscription.create("sub-1", new SubscriptionSpec(Channel.EMAIL,
                "oncall@example.com", Audience.PUBLIC, null, null, null, null, "de", "UTC", null, null, null),
                Instant.now()).confirm(Instant.now());

        sender.send(message, subscription).await().atMost(Duration.ofSeconds(30)); // a bound for a loaded machine

        MimeMessage received = mailTo("oncall@example.com", "[SEV1] Update: Checkout down");
        assertThat(received.getMessageID()).isEqualTo("<" + messageId + "@incident-timeline>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("List-Unsubscribe")[0]).matches("<http://[^>]+/mail/unsubscribe/sub-1\\?token=.+>");
        String body = Mailbox.text(received);
        assertThat(body).contains("Status: Ursache gefunden").contains("<p>Status: Ursache gefunden</p>")
                .contains("melden Sie sich ab").contains("/mail/unsubscribe/sub-1?token=");
    }

    @Test
    void a_new_address_gets_only_the_confirmation_mail_until_it_is_confirmed_then_incident_mail() throws Exception {
        String address = "pending-" + UUID.randomUUID() + "@example.com";
        String id = subscribeEmail(address);
        String bystander = NotifierFixtures.subscribeWebhook("http://127.0.0.1:9/discard");
        try {
            nothingButTheConfirmationUntilConfirmed(id, address);
        } finally {
            RestAssured.delete("/subscriptions/" + bystander).then().statusCode(204);
        }
    }

    @Test
    void a_reader_signing_up_on_the_status_page_confirms_then_gets_public_mail_and_unsubscribes_in_one_click()
            throws Exception {
        String address = "reader-" + UUID.randomUUID() + "@example.com";
        String id = RestAssured.given().auth().none().header("X-Forwarded-For", "198.51.100.40")
                .contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"target\":\"" + address
                        + "\",\"locale\":\"de\",\"timeZone\":\"Europe/Berlin\"}")
                .post("/public/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
        String bystander = NotifierFixtures.subscribeWebhook("http://127.0.0.1:9/discard");
        try {
            nothingButTheConfirmationUntilConfirmed(id, address);
        } finally {
            RestAssured.delete("/subscriptions/" + bystander).then().statusCode(204);
        }
    }

    /** A bystander subscription makes every declaration planned for someone, so it shows when planning is done. */
    private static void nothingButTheConfirmationUntilConfirmed(String id, String address) throws Exception {
        MimeMessage confirmation = mailTo(address, "Bitte bestätigen: Vorfall-Updates an " + address);
        String confirmationBody = Mailbox.text(confirmation);
        assertThat(confirmationBody).contains("Jemand hat Updates zu Vorfällen an " + address + " angefordert.");
        Matcher link = CONFIRM_LINK.matcher(confirmationBody);
        assertThat(link.find()).as("a confirmation link in " + confirmationBody).isTrue();
        assertThat(RestAssured.get("/subscriptions/" + id).jsonPath().getBoolean("awaitingConfirmation")).isTrue();

        String ignored = NotifierFixtures.declareUntil("unconfirmed-", Instant.now(),
                incidentId -> !outboxFor(record -> incidentId.equals(record.getIncidentId())).isEmpty());
        assertThat(outboxFor(record -> id.equals(record.getSubscriptionId()))).extracting(OutboundMessage::getKind)
                .containsExactly(MessageKind.CONFIRMATION_REQUESTED);
        assertThat(mailsTo(address)).hasSize(1);

        String confirmPath = link.group(1);
        Response page = RestAssured.given().auth().none().get(URI.create(confirmPath).toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.asString()).contains("<form method=\"post\">").contains("Adresse bestätigen");
        assertThat(RestAssured.get("/subscriptions/" + id).jsonPath().getBoolean("awaitingConfirmation"))
                .as("opening the page (as mail scanners do) confirms nothing").isTrue();

        // as a browser posts the page's form: its no-referrer policy makes the Origin "null"
        Response confirmed = RestAssured.given().auth().none().header("Origin", "null").post(confirmPath);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.asString()).contains("Bestätigt. Updates zu Vorfällen werden an " + address);
        assertThat(RestAssured.get("/subscriptions/" + id).jsonPath().getString("confirmedAt")).isNotNull();

        NotifierFixtures.declareUntil("confirmed-", Instant.now(), incidentId -> mailsTo(address).size() > 1);
        MimeMessage incidentMail = mailsTo(address).stream()
                .filter(m -> Mailbox.subject(m).contains("Checkout down")).findFirst().orElseThrow();
        assertThat(ignored).startsWith("unconfirmed-");
        Matcher unsubscribe = UNSUBSCRIBE_LINK.matcher(incidentMail.getHeader("List-Unsubscribe")[0]);
        assertThat(unsubscribe.find()).isTrue();
        assertThat(incidentMail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        RestAssured.given().auth().none().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribe.group(1)).then().statusCode(200);
        RestAssured.get("/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void a_tampered_or_foreign_link_is_refused_and_changes_nothing() {
        String id = subscribeEmail("tamper-" + UUID.randomUUID() + "@example.com");

        RestAssured.given().auth().none().post("/mail/confirm/" + id + "?expires=4102444800&token=AAAA")
                .then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().auth().none().contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click").post("/mail/unsubscribe/" + id + "?token=AAAA")
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(RestAssured.get("/subscriptions/" + id).jsonPath().getBoolean("awaitingConfirmation")).isTrue();
    }

    private static String subscribeEmail(String address) {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"target\":\"" + address
                        + "\",\"audience\":\"PUBLIC\",\"locale\":\"de\",\"timeZone\":\"Europe/Berlin\"}")
                .post("/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static List<OutboundMessage> outboxFor(java.util.function.Predicate<OutboundMessage> filter) {
        Deserializer<OutboundMessage> messages = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false)
                .forValue(IncidentTopic.NOTIFIER_OUTBOX).deserializer();
        return TopicReader.readAll(IncidentTopic.NOTIFIER_OUTBOX.topicName()).stream()
                .map((ConsumerRecord<String, byte[]> r) -> messages.deserialize(r.topic(), r.headers(), r.value()))
                .filter(filter).toList();
    }

    private static MimeMessage mailTo(String address, String subject) {
        return Mailbox.await(NotifierTestStack.mailbox(), address, subject);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Mailbox.to(NotifierTestStack.mailbox(), address);
    }
}
