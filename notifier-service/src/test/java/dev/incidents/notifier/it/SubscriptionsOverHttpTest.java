package dev.incidents.notifier.it;

import dev.incidents.avro.notifier.Subscription;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.LinkedPages;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Subscriptions over HTTP, kept in the compacted topic on a real broker and registry. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class SubscriptionsOverHttpTest extends SignedInAsNotifierAdmin {

    @Inject
    SubscriptionMapper mapper;

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String NEW_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    static final String TOPIC = IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName();

    @Test
    void a_webhook_subscription_is_created_read_listed_and_stored_in_kafka_without_its_secret_ever_shown() {
        Response created = post(webhookBody("https://hooks.example.com/incidents", SECRET));
        created.then().statusCode(201).header("Location", containsString("/subscriptions/"))
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("channel", equalTo("WEBHOOK"))
                .body("locale", equalTo("ja")).body("timeZone", equalTo("Asia/Tokyo"))
                .body("signingSecrets", hasSize(1));
        String id = created.jsonPath().getString("id");

        Response read = RestAssured.get("/subscriptions/" + id);
        read.then().statusCode(200).body("target", equalTo("https://hooks.example.com/incidents"));
        Response list = RestAssured.get("/subscriptions");
        list.then().statusCode(200).body("id", hasItem(id));
        for (Response response : List.of(created, read, list)) {
            assertThat(response.asString()).doesNotContain(SECRET).doesNotContain("whsec_");
        }
        Subscription stored = lastStored(id);
        assertThat(stored.getSigningSecrets()).singleElement().satisfies(sealed -> {
            assertThat(sealed.getKeyId()).isEqualTo("test-1");
            assertThat(sealed.getSecret()).doesNotContain(SECRET.substring("whsec_".length()));
        });
        assertThat(mapper.toDomain(stored).secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    @Test
    void a_change_keeps_omitted_secrets_a_rotation_holds_two_and_a_stale_version_is_refused() {
        String id = post(webhookBody("https://hooks.example.com/a", SECRET)).jsonPath().getString("id");

        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(webhookBodyWithoutSecret("https://hooks.example.com/b")).put("/subscriptions/" + id).then()
                .statusCode(200).body("version", equalTo(2)).body("target", equalTo("https://hooks.example.com/b"))
                .body("signingSecrets", hasSize(1));
        RestAssured.given().contentType(ContentType.JSON)
                .body(webhookBody("https://hooks.example.com/b", SECRET, NEW_SECRET)).put("/subscriptions/" + id)
                .then().statusCode(200).body("version", equalTo(3)).body("signingSecrets", hasSize(2));
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(webhookBodyWithoutSecret("https://hooks.example.com/c")).put("/subscriptions/" + id).then()
                .statusCode(412).contentType("application/problem+json").body("field", equalTo("If-Match"));

        assertThat(mapper.toDomain(lastStored(id)).secrets()).extracting(SigningSecret::value)
                .containsExactly(SECRET, NEW_SECRET);
    }

    @Test
    void the_confirmation_mail_can_be_asked_for_again_while_the_address_awaits_confirmation_only() {
        String email = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\","
                        + "\"target\":\"again@example.com\",\"audience\":\"PUBLIC\",\"locale\":\"fr\","
                        + "\"timeZone\":\"Europe/Paris\"}").post("/subscriptions").then().statusCode(201)
                .body("awaitingConfirmation", equalTo(true)).extract().jsonPath().getString("id");
        String webhook = post(webhookBody("https://hooks.example.com/again", SECRET)).then()
                .body("awaitingConfirmation", equalTo(false)).extract().jsonPath().getString("id");

        RestAssured.post("/subscriptions/" + email + "/confirmation-requests").then().statusCode(202);
        RestAssured.post("/subscriptions/" + webhook + "/confirmation-requests").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no EMAIL subscription"));

        assertThat(TopicReader.readAll(IncidentTopic.NOTIFIER_OUTBOX.topicName(), r -> email.equals(r.key())))
                .as("the first request and the one asked for again").hasSize(2);
    }

    @Test
    void the_list_comes_a_page_at_a_time_oldest_first_following_the_link() {
        List<String> mine = List.of(post(webhookBody("http://127.0.0.1:9/p1", SECRET)),
                post(webhookBody("http://127.0.0.1:9/p2", SECRET)), post(webhookBody("http://127.0.0.1:9/p3", SECRET)))
                .stream().map(created -> created.then().statusCode(201).extract().jsonPath().getString("id")).toList();

        List<Map<String, Object>> walked = everySubscription(2);

        assertThat(walked).extracting(s -> (String) s.get("id")).doesNotHaveDuplicates().containsAll(mine)
                .hasSize(RestAssured.given().queryParam("limit", 500).get("/subscriptions").jsonPath()
                        .getList("id").size());
        assertThat(walked).extracting(s -> Instant.parse((String) s.get("createdAt")))
                .isSortedAccordingTo(Comparator.naturalOrder());
        RestAssured.given().queryParam("limit", 501).get("/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        RestAssured.given().queryParam("after", "%%%").get("/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("after"));
    }

    /**
     * No subscription made here may outlive its test if it points off this machine: a later test's declaration
     * would be planned for it and the dispatcher would look its host up, and tests reach loopback only.
     */
    @AfterEach
    void deleteSubscriptionsOffThisMachine() {
        everySubscription(500).stream()
                .filter(s -> !"EMAIL".equals(s.get("channel")))
                .filter(s -> !((String) s.get("target")).startsWith("http://127.0.0.1"))
                .forEach(s -> RestAssured.delete("/subscriptions/" + s.get("id")).then().statusCode(204));
    }

    private static List<Map<String, Object>> everySubscription(int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        LinkedPages.follow("/subscriptions?limit=" + limit).forEach(page -> all.addAll(page.jsonPath().getList("$")));
        return all;
    }

    @Test
    void a_deleted_subscription_is_gone_and_leaves_a_tombstone() {
        Response created = post(emailBody("oncall@example.com"));
        created.then().statusCode(201);
        String id = created.jsonPath().getString("id");

        RestAssured.delete("/subscriptions/" + id).then().statusCode(204);

        RestAssured.get("/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        RestAssured.get("/subscriptions").then().body("id", not(hasItem(id)));
        RestAssured.delete("/subscriptions/" + id).then().statusCode(404);
        List<ConsumerRecord<String, byte[]>> records = records(id);
        assertThat(records.get(records.size() - 1).value()).isNull();
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field_and_stores_nothing() {
        long before = totalRecords();
        expectProblem(webhookBody("ftp://files.example.com/x", SECRET), 422, "target");
        expectProblem(webhookBody("https://hooks.example.com/x"), 422, "secrets");
        expectProblem(emailBody("not-an-address"), 422, "target");
        expectProblem(emailBody("a@example.com").replace("\"de\"", "\"xx-YY\""), 422, "locale");
        expectProblem(emailBody("a@example.com").replace("Europe/Berlin", "Mars/Olympus"), 422, "timeZone");
        expectProblem(emailBody("a@example.com").replace("EMAIL", "PIGEON"), 400, "channel");
        expectProblem(emailBody("a@example.com").replace("\"target\"", "\"targte\""), 400, "targte");
        RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":").post("/subscriptions").then()
                .statusCode(400).contentType("application/problem+json");

        assertThat(totalRecords()).isEqualTo(before);
    }

    @Test
    void values_jackson_would_convert_nulls_in_lists_and_data_after_the_body_are_refused_as_problems() {
        long before = totalRecords();
        String email = emailBody("a@example.com");
        expectProblem(email.replace("\"INTERNAL\"", "1"), 400, "audience");
        expectProblem(email.replace("\"EMAIL\"", "1.5"), 400, "channel");
        expectProblem(withField(email, "\"severities\":[1]"), 400, "severities[0]");
        expectProblem(withField(email, "\"messageKinds\":[1]"), 400, "messageKinds[0]");
        expectProblem(withField(email, "\"commander\":true"), 400, "commander");
        expectProblem(withField(email, "\"escalationLevel\":1.5"), 400, "escalationLevel");
        expectProblem(withField(email, "\"escalationLevel\":\"3\""), 400, "escalationLevel");
        for (String list : List.of("severities", "components", "groups", "messageKinds")) {
            expectProblem(withField(email, "\"" + list + "\":[null]"), 400, list + "[0]");
        }
        expectProblem(webhookBody("https://hooks.example.com/x", SECRET).replace("[\"" + SECRET + "\"]", "[null]"),
                400, "secrets[0]");
        RestAssured.given().contentType(ContentType.JSON).body(email + "garbage").post("/subscriptions").then()
                .statusCode(400).contentType("application/problem+json");

        assertThat(totalRecords()).isEqualTo(before);
    }

    @Test
    void components_and_groups_chosen_must_be_the_catalogs_and_a_refusal_stores_nothing() throws Exception {
        String component = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
        NotifierFixtures.defineComponent(component, "Shop");
        String chosen = withField(emailBody("shop@example.com"), "\"components\":[\"" + component
                + "\"],\"groups\":[\"Shop\"]");
        // the catalog is read asynchronously: its new component shows within moments, not at once
        Response created = post(chosen);
        for (int tries = 0; created.statusCode() == 422 && tries < 50; tries++) {
            Thread.sleep(100);
            created = post(chosen);
        }
        created.then().statusCode(201).body("components", contains(component)).body("groups", contains("Shop"));

        long before = totalRecords();
        expectProblem(withField(emailBody("a@example.com"), "\"components\":[\"chekout\"]"), 422, "components");
        expectProblem(withField(emailBody("a@example.com"), "\"groups\":[\"Shoop\"]"), 422, "groups");
        post(withField(emailBody("a@example.com"), "\"groups\":[\"Shoop\"]")).then()
                .body("violations[0].message", containsString("'Shop'"));
        assertThat(totalRecords()).isEqualTo(before);
    }

    @Test
    void a_slack_url_is_a_credential_masked_in_every_answer_and_kept_when_sent_back_masked() {
        String url = "http://127.0.0.1:9/services/T000/B000/XXXXsecretXXXXwxyz";
        String body = "{\"channel\":\"SLACK\",\"target\":\"" + url + "\",\"audience\":\"PUBLIC\","
                + "\"locale\":\"en\",\"timeZone\":\"UTC\"}";
        Response created = post(body);
        created.then().statusCode(201).body("target", equalTo("http://127.0.0.1:9/…wxyz"));
        String id = created.jsonPath().getString("id");

        for (Response answer : List.of(created, RestAssured.get("/subscriptions/" + id),
                RestAssured.get("/subscriptions"))) {
            assertThat(answer.asString()).doesNotContain("secret");
        }
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body.replace(url, "http://127.0.0.1:9/…wxyz").replace("\"en\"", "\"de\""))
                .put("/subscriptions/" + id).then().statusCode(200).body("locale", equalTo("de"));
        assertThat(lastStored(id).getTarget()).as("the URL kept whole where deliveries read it").isEqualTo(url);
    }

    @Test
    void a_webhook_to_the_cloud_metadata_address_or_a_private_network_is_refused() {
        long before = totalRecords();
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                "http://[fd00:ec2::254]/")) {
            RestAssured.given().contentType(ContentType.JSON).body(webhookBody(target, SECRET)).post("/subscriptions")
                    .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("target"))
                    .body("detail", containsString("refused by network policy"));
        }
        assertThat(totalRecords()).isEqualTo(before);
    }

    private static String withField(String body, String field) {
        return body.substring(0, body.lastIndexOf('}')) + "," + field + "}";
    }

    private static void expectProblem(String body, int status, String field) {
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/subscriptions").then()
                .statusCode(status).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static Response post(String body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/subscriptions");
    }

    private static String webhookBody(String target, String... secrets) {
        return "{\"channel\":\"WEBHOOK\",\"target\":\"" + target + "\",\"audience\":\"PUBLIC\",\"locale\":\"ja\","
                + "\"timeZone\":\"Asia/Tokyo\",\"severities\":[\"SEV1\",\"SEV2\"],\"secrets\":["
                + String.join(",", java.util.Arrays.stream(secrets).map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    private static String webhookBodyWithoutSecret(String target) {
        return "{\"channel\":\"WEBHOOK\",\"target\":\"" + target + "\",\"audience\":\"PUBLIC\",\"locale\":\"ja\","
                + "\"timeZone\":\"Asia/Tokyo\"}";
    }

    private static String emailBody(String address) {
        return "{\"channel\":\"EMAIL\",\"target\":\"" + address + "\",\"audience\":\"INTERNAL\",\"locale\":\"de\","
                + "\"timeZone\":\"Europe/Berlin\",\"commander\":\"*\"}";
    }

    private static Subscription lastStored(String id) {
        List<ConsumerRecord<String, byte[]>> records = records(id);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        return new RegistryAvroSerdes(TestStack.nativeApiUrl(), false).forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS).deserializer()
                .deserialize(TOPIC, last.headers(), last.value());
    }

    /** Every record of one subscription on the topic, in order (read_committed, from the start). */
    private static List<ConsumerRecord<String, byte[]>> records(String id) {
        return TopicReader.readAll(TOPIC, record -> id.equals(record.key()));
    }

    private static long totalRecords() {
        return TopicReader.endOffsetSum(TOPIC);
    }
}
