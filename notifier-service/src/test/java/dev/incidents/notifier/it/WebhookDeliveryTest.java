package dev.incidents.notifier.it;

import dev.incidents.testing.AlertRules;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.testing.Await;
import dev.incidents.testing.ScrapedMetrics;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks delivered for real: an event on the broker reaches a local receiver signed, is retried while the
 * receiver fails, is recorded in the ledger, and once failed for good can be sent again through the API. (Tests run
 * with a retry schedule of 300 ms steps.)
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTest extends SignedInAsNotifierAdmin {

    private static final String DELIVERED = "notifier_deliveries_total{channel=\"WEBHOOK\",status=\"delivered\"}";
    private static final String RETRYING = "notifier_deliveries_total{channel=\"WEBHOOK\",status=\"retrying\"}";

    @Test
    void a_receiver_that_fails_twice_gets_the_message_on_the_third_attempt_signed_each_time() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            // per message: until the subscription applies, more than one incident may reach the receiver
            receiver.failFirstAttemptsOfEach(2, 503);
            String subscriptionId = NotifierFixtures.subscribeWebhook(receiver.url());
            String incidentId = declareUntilPlanned(receiver);

            JsonPath delivery = awaitDelivery(subscriptionId, incidentId, d -> "DELIVERED".equals(d.getString("status")));

            assertThat(delivery.getInt("attempts")).isEqualTo(3);
            List<WebhookReceiver.Received> attempts = receiver.received().stream()
                    .filter(received -> received.messageId().equals(delivery.getString("messageId"))).toList();
            assertThat(attempts).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid)
                    .extracting(WebhookReceiver.Received::accepted).containsExactly(false, false, true);
            assertThat(attempts.get(0).body()).contains("\"type\":\"incident.declared\"").contains(incidentId);
            String traceId = NotifierFixtures.traceIdOf(incidentId);
            assertThat(attempts).extracting(WebhookReceiver.Received::traceparent)
                    .allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
            assertThat(TopicReader.readAll(IncidentTopic.NOTIFIER_DELIVERIES.topicName(),
                    record -> record.key().equals(delivery.getString("messageId"))))
                    .isNotEmpty().allSatisfy(record -> assertThat(TraceHeaders.traceId(record.headers()))
                            .as("the trace on the delivery record").hasValue(traceId));
            assertThat(ScrapedMetrics.value(DELIVERED)).isPositive();
            assertThat(ScrapedMetrics.value(RETRYING)).isGreaterThanOrEqualTo(2);
            assertThat(ScrapedMetrics.value("notifier_delivery_seconds_count")).isPositive();
            assertThat(ScrapedMetrics.text()).contains("\nnotifier_retry_queue ",
                    "\nnotifier_oldest_undelivered_seconds ", "client_id=\"notifier-dispatcher\"");
            assertThat(ScrapedMetrics.names()).as("every metric the alert rules use for notifier-service")
                    .containsAll(AlertRules.metricsUsedBy("notifier-service"));
        }
    }

    @Test
    void a_maintenance_reminder_reaches_a_webhook_subscriber_signed_in_its_language_and_zone() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            String subscriptionId = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"WEBHOOK\","
                    + "\"target\":\"" + receiver.url() + "\",\"audience\":\"PUBLIC\",\"locale\":\"de\","
                    + "\"timeZone\":\"Europe/Berlin\",\"secrets\":[\"" + NotifierFixtures.SECRET + "\"]}")
                    .post("/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
            Instant startsAt = Instant.parse("2026-12-24T09:00:00Z");

            String maintenanceId = NotifierFixtures.declareUntil(() -> {
                String id = "mnt-" + UUID.randomUUID();
                NotifierFixtures.scheduleAndRemind(id, startsAt);
                return id;
            }, id -> receiver.received().stream().anyMatch(r -> r.body().contains(id)
                    && r.body().contains("maintenance.starting_soon")));

            WebhookReceiver.Received reminder = receiver.received().stream()
                    .filter(r -> r.body().contains(maintenanceId) && r.body().contains("starting_soon")).findFirst()
                    .orElseThrow();
            assertThat(reminder.signatureValid()).isTrue();
            assertThat(reminder.body()).contains("Wartung beginnt bald: Login database upgrade")
                    .contains("Die Wartung beginnt um 24.12.2026, 10:00 (Europe/Berlin).")
                    .contains("\"startsAt\":\"2026-12-24T09:00:00Z\"");
            Await.until("the reminder's delivery in the ledger", Duration.ofSeconds(30),
                    () -> RestAssured.given().queryParam("subscriptionId", subscriptionId)
                            .queryParam("maintenanceId", maintenanceId).get("/deliveries").then().statusCode(200)
                            .extract().jsonPath().getList("kind", String.class),
                    kinds -> kinds.contains("MAINTENANCE_STARTING_SOON") && kinds.contains("MAINTENANCE_SCHEDULED"));
        }
    }

    @Test
    void a_message_failed_for_good_is_recorded_and_can_be_redelivered_through_the_api() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            receiver.failNext(Integer.MAX_VALUE, 500);
            String subscriptionId = NotifierFixtures.subscribeWebhook(receiver.url());
            String incidentId = declareUntilPlanned(receiver);

            JsonPath failed = awaitDelivery(subscriptionId, incidentId, d -> "FAILED".equals(d.getString("status")));
            assertThat(failed.getInt("attempts")).isEqualTo(4);
            assertThat(failed.getString("lastError")).isEqualTo("HTTP 500");

            receiver.failNext(0, 500);
            String messageId = failed.getString("messageId");
            RestAssured.post("/deliveries/" + messageId + "/redeliver").then().statusCode(202);
            awaitDelivery(subscriptionId, incidentId, d -> "DELIVERED".equals(d.getString("status")));
            RestAssured.post("/deliveries/" + messageId + "/redeliver").then().statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void slack_gets_blocks_and_email_gets_both_parts_from_the_same_pipeline() throws Exception {
        try (WebhookReceiver slack = new WebhookReceiver(NotifierFixtures.SECRET)) {
            String slackId = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"SLACK\","
                    + "\"target\":\"" + slack.url() + "\",\"audience\":\"PUBLIC\",\"locale\":\"fr\","
                    + "\"timeZone\":\"Europe/Paris\"}").post("/subscriptions").then().statusCode(201).extract()
                    .jsonPath().getString("id");
            String address = "oncall-" + UUID.randomUUID() + "@example.com";
            NotifierFixtures.subscribeConfirmedEmail(address, "tr", "Europe/Istanbul");
            String incidentId = declareUntilPlanned(slack);

            assertThat(slack.received().get(0).body()).contains("\"blocks\":[{\"type\":\"header\"")
                    .contains("Analyse en cours : Checkout down");
            awaitDelivery(slackId, incidentId, d -> "DELIVERED".equals(d.getString("status")));
            // the email subscription may have reached the planner after the Slack one: declare until mail comes
            NotifierFixtures.declareUntil("wh-", Instant.now(), another -> mailTo(address) != null);
            jakarta.mail.internet.MimeMessage mail = mailTo(address);
            assertThat(mail.getSubject()).isEqualTo("[SEV1] İnceleniyor: Checkout down");
            assertThat(mail.getMessageID()).startsWith("<msg_").endsWith("@incident-timeline>");
        }
    }

    @Test
    void teams_gets_an_adaptive_card_and_discord_an_embed_each_in_its_subscriptions_language() throws Exception {
        try (WebhookReceiver teams = new WebhookReceiver(NotifierFixtures.SECRET);
             WebhookReceiver discord = new WebhookReceiver(NotifierFixtures.SECRET)) {
            String teamsId = subscribeChat("TEAMS", teams, "de", "Europe/Berlin");
            subscribeChat("DISCORD", discord, "ja", "Asia/Tokyo");
            String incidentId = NotifierFixtures.declareUntil("chat-", Instant.now(), declared ->
                    arrivedAt(teams, declared) != null && arrivedAt(discord, declared) != null);

            JsonPath card = new JsonPath(arrivedAt(teams, incidentId)).setRootPath("attachments[0]");
            assertThat(card.getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(card.getString("content.type")).isEqualTo("AdaptiveCard");
            assertThat(card.getString("content.body[0].text")).isEqualTo("\\[SEV1\\] Wir untersuchen: Checkout down");
            assertThat(card.getString("content.body[2].text")).isEqualTo("Incident " + incidentId + " · SEV1");
            JsonPath embed = new JsonPath(arrivedAt(discord, incidentId)).setRootPath("embeds[0]");
            assertThat(embed.getString("title")).isEqualTo("\\[SEV1\\] 調査中: Checkout down");
            assertThat(embed.getInt("color")).isEqualTo(0xDC2626);
            assertThat(new JsonPath(arrivedAt(discord, incidentId)).getList("allowed_mentions.parse")).isEmpty();
            awaitDelivery(teamsId, incidentId, d -> "DELIVERED".equals(d.getString("status")));
        }
    }

    private static String subscribeChat(String channel, WebhookReceiver receiver, String locale, String zone) {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"" + channel + "\","
                + "\"target\":\"" + receiver.url() + "\",\"audience\":\"PUBLIC\",\"locale\":\"" + locale + "\","
                + "\"timeZone\":\"" + zone + "\"}").post("/subscriptions").then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    /** The body of the first message about the incident the receiver got, or null. */
    private static String arrivedAt(WebhookReceiver receiver, String incidentId) {
        return receiver.received().stream().map(WebhookReceiver.Received::body)
                .filter(body -> body.contains(incidentId)).findFirst().orElse(null);
    }

    /** The first incident mail to the address (the confirmation mail came before it). */
    private static jakarta.mail.internet.MimeMessage mailTo(String address) {
        return java.util.Arrays.stream(NotifierTestStack.mailbox().getReceivedMessages())
                .filter(m -> recipient(m).equals(address) && messageId(m).startsWith("<msg_")).findFirst()
                .orElse(null);
    }

    private static String messageId(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares until one declaration reaches the receiver (see {@link NotifierFixtures#declareUntil}). */
    private static String declareUntilPlanned(WebhookReceiver receiver) throws InterruptedException {
        return NotifierFixtures.declareUntil("wh-", Instant.now(), incidentId -> receiver.received().stream()
                .anyMatch(r -> r.body().contains(incidentId)));
    }

    private static JsonPath awaitDelivery(String subscriptionId, String incidentId, Predicate<JsonPath> done) {
        return Await.until("the delivery of " + incidentId, Duration.ofSeconds(30), () -> {
            JsonPath deliveries = RestAssured.given().queryParam("subscriptionId", subscriptionId)
                    .queryParam("incidentId", incidentId).get("/deliveries").then().statusCode(200).extract()
                    .jsonPath();
            return deliveries.getList("$").isEmpty() ? null
                    : new JsonPath(deliveries.prettify()).setRootPath("[0]");
        }, last -> last != null && done.test(last));
    }
}
