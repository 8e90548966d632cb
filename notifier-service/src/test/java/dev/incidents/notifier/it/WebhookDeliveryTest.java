package dev.incidents.notifier.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.Severity;
import dev.incidents.deploy.TestStack;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
class WebhookDeliveryTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final RegistryAvroSerdes serdes = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false);

    @Test
    void a_receiver_that_fails_twice_gets_the_message_on_the_third_attempt_signed_each_time() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.failNext(2, 503);
            String subscriptionId = subscribe(receiver.url());
            String incidentId = declareUntilPlanned(receiver);

            JsonPath delivery = awaitDelivery(subscriptionId, incidentId, d -> "DELIVERED".equals(d.getString("status")));

            assertThat(delivery.getInt("attempts")).isEqualTo(3);
            assertThat(receiver.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid)
                    .extracting(WebhookReceiver.Received::messageId).containsOnly(delivery.getString("messageId"));
            assertThat(receiver.received().get(0).body()).contains("\"type\":\"incident.declared\"")
                    .contains(incidentId);
        }
    }

    @Test
    void a_message_failed_for_good_is_recorded_and_can_be_redelivered_through_the_api() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.failNext(Integer.MAX_VALUE, 500);
            String subscriptionId = subscribe(receiver.url());
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
        try (WebhookReceiver slack = new WebhookReceiver(SECRET)) {
            String slackId = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"SLACK\","
                    + "\"target\":\"" + slack.url() + "\",\"audience\":\"PUBLIC\",\"locale\":\"fr\","
                    + "\"timeZone\":\"Europe/Paris\"}").post("/subscriptions").then().statusCode(201).extract()
                    .jsonPath().getString("id");
            String address = "oncall-" + UUID.randomUUID() + "@example.com";
            RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"target\":\""
                    + address + "\",\"audience\":\"PUBLIC\",\"locale\":\"tr\",\"timeZone\":\"Europe/Istanbul\"}")
                    .post("/subscriptions").then().statusCode(201);
            String incidentId = declareUntilPlanned(slack);

            assertThat(slack.received().get(0).body()).contains("\"blocks\":[{\"type\":\"header\"")
                    .contains("Analyse en cours : Checkout down");
            awaitDelivery(slackId, incidentId, d -> "DELIVERED".equals(d.getString("status")));
            jakarta.mail.internet.MimeMessage mail = null;
            for (int attempt = 0; mail == null && attempt < 10; attempt++) { // as for Slack: until it is planned
                long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (mail == null && System.nanoTime() < deadline) {
                    mail = java.util.Arrays.stream(NotifierTestStack.mailbox().getReceivedMessages())
                            .filter(m -> recipient(m).equals(address)).findFirst().orElse(null);
                    Thread.sleep(100);
                }
                if (mail == null) {
                    publish("wh-" + UUID.randomUUID());
                }
            }
            assertThat(mail).as("an email to " + address).isNotNull();
            assertThat(mail.getSubject()).isEqualTo("[SEV1] İnceleniyor: Checkout down");
            assertThat(mail.getMessageID()).startsWith("<msg_").endsWith("@incident-timeline>");
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subscribe(String url) {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"WEBHOOK\",\"target\":\""
                        + url + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\",\"timeZone\":\"UTC\","
                        + "\"secrets\":[\"" + SECRET + "\"]}").post("/subscriptions").then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /** A subscription applies once the planner has read it: declare incidents until one reaches the receiver. */
    private String declareUntilPlanned(WebhookReceiver receiver) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            String incidentId = "wh-" + UUID.randomUUID();
            publish(incidentId);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (receiver.received().stream().anyMatch(r -> r.body().contains(incidentId))) {
                    return incidentId;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("No declaration reached the receiver");
    }

    private static JsonPath awaitDelivery(String subscriptionId, String incidentId, Predicate<JsonPath> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            JsonPath deliveries = RestAssured.given().queryParam("subscriptionId", subscriptionId)
                    .queryParam("incidentId", incidentId).get("/deliveries").then().statusCode(200).extract()
                    .jsonPath();
            if (!deliveries.getList("$").isEmpty()) {
                last = new JsonPath(deliveries.prettify()).setRootPath("[0]");
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The delivery never got there; last seen: " + (last == null ? "none"
                : last.prettify()));
    }

    private void publish(String incidentId) throws Exception {
        Instant now = Instant.now();
        IncidentEvent event = IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setIncidentId(incidentId).setSequence(1).setOccurredAt(now)
                .setActor(new Actor("monitor", ActorKind.SERVICE)).setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                        .setSummary("Customers cannot pay").setDetectedAt(now)
                        .setNextUpdateDueAt(now.plus(Duration.ofMinutes(15))).setCadenceSeconds(900L).build())
                .build();
        try (KafkaProducer<String, IncidentEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), serdes.forValue(IncidentEvent.class).serializer())) {
            producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_EVENTS.topicName(), incidentId, event)).get();
        }
    }
}
