package dev.incidents.notifier.it;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.HostileInputCheck;
import dev.incidents.testing.HostileRequests;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hundreds of malformed requests, made from the notifier's OpenAPI document and a list of hostile values, sent by
 * its admin: each is refused with a problem document, none gets a 5xx, and no subscription or message is written.
 * The subscription routes are aimed at a subscription that exists, so each request meets the rules and not only
 * "not found".
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class HostileInputTest extends SignedInAsNotifierAdmin {

    private static final String LONG = "x".repeat(10_000);
    /** Components and groups are left out: which ones exist is the catalog's, and SubscriptionsOverHttpTest's. */
    private static final String VALID = "{\"channel\":\"WEBHOOK\",\"target\":\"http://127.0.0.1:9/hostile\","
            + "\"audience\":\"INTERNAL\",\"severities\":[\"SEV1\"],"
            + "\"messageKinds\":[\"DECLARED\"],\"locale\":\"de\",\"timeZone\":\"Europe/Berlin\","
            + "\"commander\":\"alice\",\"secrets\":[\"" + NotifierFixtures.SECRET + "\"]}";

    /** A status page reader's sign-up: a webhook, so that no variant sends mail. */
    private static final String READER = "{\"channel\":\"WEBHOOK\",\"target\":\"http://127.0.0.1:9/hostile\","
            + "\"components\":[],\"locale\":\"fr\",\"timeZone\":\"Europe/Paris\"}";

    @Test
    void every_malformed_request_is_refused_with_a_problem_and_writes_nothing() {
        String existing = RestAssured.given().contentType(ContentType.JSON).body(VALID).post("/subscriptions")
                .then().statusCode(201).extract().jsonPath().getString("id");
        try {
            String baseUrl = "http://127.0.0.1:" + RestAssured.port;
            List<HostileRequests.Hostile> requests = new HostileRequests(HostileInputCheck.openApi(baseUrl)).all(
                    Map.of("POST /subscriptions", VALID, "PUT /subscriptions/{id}", VALID,
                            "POST /public/subscriptions", READER),
                    Map.of("id", existing, "messageId", "msg_hostile"), Set.of(),
                    Map.of("If-Match", List.of("abc", "\"x\"", "-1", LONG, "clé")), Set.of());

            HostileInputCheck.Report report = HostileInputCheck.run("notifier-service", baseUrl,
                    TestStack.tokens().of("notifier-admin"), requests, List.of(
                            IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName(),
                            IncidentTopic.NOTIFIER_OUTBOX.topicName(),
                            IncidentTopic.NOTIFIER_DELIVERIES.topicName()));

            report.printAndCheck(300);
        } finally {
            RestAssured.delete("/subscriptions/" + existing).then().statusCode(204);
        }
    }
}
