package dev.incidents.notifier.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status page readers subscribe themselves, signed in as nobody: a webhook gets a secret shown once and signed
 * public messages; only email or webhook, only PUBLIC, nothing an internal channel may ask for; and a client address
 * signing up too often is told to wait, with nothing stored. Each test stands at its own address (X-Forwarded-For,
 * as the proxy in front would set it).
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class PublicSignUpTest extends SignedInAsNotifierAdmin {

    @Test
    void a_webhook_reader_gets_its_secret_once_and_signed_public_messages_and_can_unsubscribe() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            JsonPath signedUp = reader("198.51.100.10").body("{\"channel\":\"WEBHOOK\",\"target\":\""
                    + receiver.url() + "\",\"locale\":\"fr\",\"timeZone\":\"Europe/Paris\"}")
                    .post("/public/subscriptions").then().statusCode(201).extract().jsonPath();
            String secret = signedUp.getString("secret");
            assertThat(secret).startsWith("whsec_").isNotEqualTo(NotifierFixtures.SECRET);
            assertThat(signedUp.getBoolean("awaitingConfirmation")).isFalse();
            String id = signedUp.getString("id");
            JsonPath stored = RestAssured.get("/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(stored.getString("audience")).isEqualTo("PUBLIC");
            assertThat(stored.getList("signingSecrets")).hasSize(1);
            assertThat(stored.prettify()).doesNotContain(secret);

            receiver.verifyWith(secret);
            String incidentId = NotifierFixtures.declareUntil("public-", Instant.now(),
                    declared -> receiver.received().stream().anyMatch(r -> r.body().contains(declared)));
            WebhookReceiver.Received declaration = receiver.received().stream()
                    .filter(r -> r.body().contains(incidentId)).findFirst().orElseThrow();
            assertThat(declaration.signatureValid()).as("signed with the secret the reader was shown").isTrue();
            assertThat(declaration.body()).contains("Analyse en cours : Checkout down");

            String unsubscribe = signedUp.getString("unsubscribeUrl");
            assertThat(unsubscribe).contains("/mail/unsubscribe/" + id + "?token=");
            RestAssured.given().auth().none().contentType(ContentType.URLENC)
                    .formParam("List-Unsubscribe", "One-Click").post(unsubscribe.replaceFirst("^https?://[^/]+", ""))
                    .then().statusCode(200);
            RestAssured.get("/subscriptions/" + id).then().statusCode(404);
        }
    }

    @Test
    void a_reader_subscribes_by_email_or_webhook_to_public_messages_only_and_nothing_else_is_stored() {
        long before = subscriptionCount();

        Response slack = reader("198.51.100.20").body("{\"channel\":\"SLACK\",\"target\":\"https://hooks.slack.com/"
                + "services/T0/B0/x\",\"locale\":\"en\"}").post("/public/subscriptions");
        Response internal = reader("198.51.100.20").body("{\"channel\":\"EMAIL\",\"target\":\"a@example.com\","
                + "\"locale\":\"en\",\"audience\":\"INTERNAL\"}").post("/public/subscriptions");
        Response commander = reader("198.51.100.20").body("{\"channel\":\"EMAIL\",\"target\":\"a@example.com\","
                + "\"locale\":\"en\",\"commander\":\"*\"}").post("/public/subscriptions");
        Response unknownComponent = reader("198.51.100.20").body("{\"channel\":\"EMAIL\",\"target\":"
                + "\"a@example.com\",\"locale\":\"en\",\"components\":[\"no-such-component\"]}")
                .post("/public/subscriptions");

        assertThat(slack.statusCode()).isEqualTo(422);
        assertThat(slack.jsonPath().getString("field")).isEqualTo("channel");
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(commander.statusCode()).isEqualTo(400);
        assertThat(unknownComponent.statusCode()).isEqualTo(422);
        assertThat(unknownComponent.contentType()).startsWith("application/problem+json");
        assertThat(subscriptionCount()).isEqualTo(before);
    }

    @Test
    void an_address_signing_up_too_often_waits_and_its_refused_sign_up_stores_nothing() {
        String address = "198.51.100.30";
        Response answer = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            answer = reader(address).body(email("often-" + UUID.randomUUID() + "@example.com"))
                    .post("/public/subscriptions");
            if (answer.statusCode() != 201) {
                break;
            }
        }
        long before = subscriptionCount();

        Response refused = reader(address).body(email("refused-" + UUID.randomUUID() + "@example.com"))
                .post("/public/subscriptions");
        Response elsewhere = reader("198.51.100.31").body(email("elsewhere-" + UUID.randomUUID() + "@example.com"))
                .post("/public/subscriptions");

        assertThat(answer.statusCode()).as("the sixth sign-up within the hour").isEqualTo(429);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(subscriptionCount()).as("only the other address' sign-up").isEqualTo(before + 1);
        assertThat(elsewhere.statusCode()).isEqualTo(201);
        assertThat(elsewhere.jsonPath().getBoolean("awaitingConfirmation")).isTrue();
        assertThat(elsewhere.jsonPath().getString("secret")).isNull();
    }

    @Test
    void only_the_status_pages_origin_may_sign_up_from_a_browser_and_it_may_read_every_answer() {
        String statusPage = "http://127.0.0.1:8082";
        Response preflight = RestAssured.given().auth().none().header("Origin", statusPage)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/public/subscriptions");
        Response foreign = RestAssured.given().auth().none().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").options("/public/subscriptions");
        Response refused = reader("198.51.100.50").header("Origin", statusPage)
                .body("{\"channel\":\"EMAIL\",\"target\":\"not an address\",\"locale\":\"en\"}")
                .post("/public/subscriptions");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(statusPage);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(foreign.header("Access-Control-Allow-Methods")).isNull();
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("the page may read why").isEqualTo(statusPage);
    }

    private static RequestSpecification reader(String address) {
        return RestAssured.given().auth().none().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    private static String email(String address) {
        return "{\"channel\":\"EMAIL\",\"target\":\"" + address + "\",\"locale\":\"en\",\"timeZone\":\"UTC\"}";
    }

    private static long subscriptionCount() {
        return RestAssured.given().queryParam("limit", 500).get("/subscriptions").then().statusCode(200).extract()
                .jsonPath().getList("id").size();
    }
}
