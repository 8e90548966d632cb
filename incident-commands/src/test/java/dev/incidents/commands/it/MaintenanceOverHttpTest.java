package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Scheduled maintenance on the real service, broker and registry: a commander schedules and updates a window, a
 * machine starts and completes it; what breaks a rule or names a component outside the catalog gets a problem and
 * writes nothing; every change is one event on maintenance-events that a Confluent decoder reads.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class MaintenanceOverHttpTest {

    static final String COMMANDS = IncidentTopic.MAINTENANCE_COMMANDS.topicName();
    static final String EVENTS = IncidentTopic.MAINTENANCE_EVENTS.topicName();

    final ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());
    final String component = "database-" + UUID.randomUUID().toString().substring(0, 8);
    final Instant startsAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void a_window_is_scheduled_updated_started_and_completed_each_step_one_event() throws IOException {
        CatalogComponents.define(component, "Database", "Platform", true);

        Response scheduled = as("commander").body(schedule(component)).post("/maintenances");
        scheduled.then().statusCode(201).header("ETag", "\"1\"").body("outcome", equalTo("ACCEPTED"))
                .body("version", equalTo(1));
        String id = scheduled.jsonPath().getString("maintenanceId");
        assertThat(scheduled.header("Location")).endsWith("/maintenances/" + id);

        as("commander").body(Map.of("message", "Extended by half an hour",
                        "endsAt", startsAt.plus(Duration.ofMinutes(90)).toString()))
                .post("/maintenances/" + id + "/updates").then().statusCode(201).body("version", equalTo(2));
        asEmitter().body(Map.of("message", "Deploy started")).post("/maintenances/" + id + "/start").then().statusCode(200)
                .body("version", equalTo(3));
        as("commander").body(Map.of("reason", "Too late")).post("/maintenances/" + id + "/cancel").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("complete it instead"));
        Response completed = asEmitter().body(Map.of("message", "All done")).post("/maintenances/" + id
                + "/complete");
        completed.then().statusCode(200).body("version", equalTo(4));
        as("viewer").get("/commands/" + completed.jsonPath().getString("commandId")).then().statusCode(200)
                .body("maintenanceId", equalTo(id)).body("version", equalTo(4));

        List<GenericRecord> events = eventsOf(id);
        assertThat(events).extracting(e -> ((GenericRecord) e.get("payload")).getSchema().getName())
                .containsExactly("MaintenanceScheduled", "MaintenanceUpdated", "MaintenanceStarted",
                        "MaintenanceCompleted");
        assertThat(events).extracting(e -> (Long) e.get("sequence")).containsExactly(1L, 2L, 3L, 4L);
        GenericRecord updated = (GenericRecord) events.get(1).get("payload");
        assertThat(updated.get("endsAt")).isEqualTo(startsAt.plus(Duration.ofMinutes(90)).toEpochMilli());
        assertThat(updated.get("title").toString()).isEqualTo("Database upgrade");
        assertThat(((GenericRecord) events.get(2).get("actor")).get("kind").toString()).isEqualTo("SERVICE");
    }

    @Test
    void what_breaks_a_rule_gets_a_problem_naming_the_field_and_writes_nothing() {
        CatalogComponents.define(component, "Database", "Platform", true);
        long before = TopicReader.endOffsetSum(COMMANDS);

        Map<String, Map<String, Object>> unprocessable = Map.of(
                "components", with("components", List.of("no-such-" + component)),
                "endsAt", with("endsAt", startsAt.minusSeconds(1).toString()),
                "title", with("title", " "),
                "description", with("description", "x".repeat(2_001)));
        unprocessable.forEach((field, body) -> as("commander").body(body).post("/maintenances").then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo(field)));
        as("commander").body(with("startsAt", "tomorrow")).post("/maintenances").then().statusCode(400)
                .body("field", equalTo("startsAt"));
        as("viewer").body(schedule(component)).post("/maintenances").then().statusCode(403);
        asEmitter().body(schedule(component)).post("/maintenances").then().statusCode(403);
        as("commander").body(Map.of("message", "x")).post("/maintenances/%20bad/updates").then().statusCode(404);

        assertThat(TopicReader.endOffsetSum(COMMANDS)).isEqualTo(before);
        as("commander").body(Map.of("message", "x")).post("/maintenances/" + UUID.randomUUID() + "/updates")
                .then().statusCode(404).body("detail", containsString("maintenance does not exist"));
    }

    private Map<String, Object> schedule(String... components) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Database upgrade");
        body.put("description", "Checkout may pause for up to a minute.");
        body.put("components", List.of(components));
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(1)).toString());
        return body;
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = schedule(component);
        body.put(field, value);
        return body;
    }

    private List<GenericRecord> eventsOf(String maintenanceId) throws IOException {
        List<GenericRecord> events = new ArrayList<>();
        for (var record : TopicReader.readAll(EVENTS, r -> r.key().equals(maintenanceId))) {
            events.add(decoder.decode(record.value()));
        }
        return events;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestStack.tokens().of(user)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asEmitter() {
        return given().auth().oauth2(TestStack.tokens().ofEmitter()).contentType(ContentType.JSON);
    }
}
