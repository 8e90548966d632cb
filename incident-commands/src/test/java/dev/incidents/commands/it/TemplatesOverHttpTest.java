package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Update templates on the real service, broker and registry: a commander writes one in two languages, a responder
 * lists and fills it in for an incident in the closest language, a stale change is refused, and a removal leaves a
 * tombstone. Every template is one record on incident-templates that a Confluent decoder reads.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class TemplatesOverHttpTest {

    static final String TOPIC = IncidentTopic.INCIDENT_TEMPLATES.topicName();

    final String id = "still-investigating-" + UUID.randomUUID().toString().substring(0, 8);

    static final Map<String, Object> STILL_INVESTIGATING = Map.of("kind", "UPDATE", "name", "Still investigating",
            "status", "INVESTIGATING", "audience", "PUBLIC", "defaultLanguage", "en", "texts", Map.of(
                    "en", Map.of("message", "We are still investigating {component}. Next update by {nextUpdateAt}."),
                    "de", Map.of("message", "Wir untersuchen {component} weiter. Nächstes Update bis "
                            + "{nextUpdateAt}.")));

    @Test
    void a_commander_writes_a_template_a_responder_fills_it_in_and_a_removal_leaves_a_tombstone()
            throws IOException {
        as("commander").body(STILL_INVESTIGATING).put("/templates/" + id).then().statusCode(201)
                .header("ETag", "\"1\"").body("kind", equalTo("UPDATE")).body("texts.de.message",
                        containsString("Wir untersuchen")).body("placeholders", hasItem("nextUpdateAt"));
        as("responder").queryParam("kind", "UPDATE").get("/templates").then().statusCode(200)
                .body("id", hasItem(id)).body("kind", everyItem(equalTo("UPDATE")));
        as("responder").queryParam("kind", "DECLARE").get("/templates").then().body("id", not(hasItem(id)));

        as("responder").body(Map.of("language", "de-CH", "values", Map.of("component", "Checkout",
                "nextUpdateAt", "10:15 UTC"))).post("/templates/" + id + "/fill").then().statusCode(200)
                .body("language", equalTo("de"))
                .body("message", equalTo("Wir untersuchen Checkout weiter. Nächstes Update bis 10:15 UTC."))
                .body("status", equalTo("INVESTIGATING")).body("audience", equalTo("PUBLIC"))
                .body("unfilled", equalTo(List.of()));
        as("responder").body(Map.of("language", "fr", "values", Map.of("component", "Checkout")))
                .post("/templates/" + id + "/fill").then().statusCode(200).body("language", equalTo("en"))
                .body("unfilled", contains("nextUpdateAt"));

        Map<String, Object> internal = Map.of("kind", "UPDATE", "name", "Still investigating", "audience",
                "INTERNAL", "defaultLanguage", "en", "texts", Map.of("en", Map.of("message", "Still on it.")));
        as("incident-admin").header("If-Match", "\"1\"").body(internal).put("/templates/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("status", equalTo(null));
        as("commander").header("If-Match", "\"1\"").body(STILL_INVESTIGATING).put("/templates/" + id).then()
                .statusCode(412).contentType("application/problem+json").body("field", equalTo("If-Match"));
        as("commander").header("If-None-Match", "*").body(STILL_INVESTIGATING).put("/templates/" + id).then()
                .statusCode(412);

        as("commander").header("If-Match", "\"2\"").delete("/templates/" + id).then().statusCode(204);
        as("responder").get("/templates/" + id).then().statusCode(404).contentType("application/problem+json");
        as("responder").get("/templates").then().body("id", not(hasItem(id)));

        List<byte[]> records = TopicReader.readAll(TOPIC, r -> r.key().equals(id)).stream()
                .map(r -> r.value()).toList();
        assertThat(records).hasSize(3);
        assertThat(records.get(2)).as("the removal is a tombstone").isNull();
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());
        GenericRecord first = decoder.decode(records.get(0));
        assertThat(first.get("version")).isEqualTo(1L);
        assertThat(((GenericRecord) first.get("actor")).get("id").toString()).isEqualTo("commander");
        assertThat(decoder.decode(records.get(1)).get("audience").toString()).isEqualTo("INTERNAL");
    }

    @Test
    void a_template_or_a_fill_breaking_a_rule_gets_a_problem_naming_the_field_and_writes_nothing() {
        long before = TopicReader.endOffsetSum(TOPIC);
        Map<String, Map<String, Object>> bad = Map.of(
                "texts.en.message", Map.of("kind", "DECLARE", "name", "Too early", "defaultLanguage", "en",
                        "texts", Map.of("en", Map.of("title", "Outage", "message", "Next update by {nextUpdateAt}"))),
                "defaultLanguage", Map.of("kind", "RESOLVE", "name", "Recovered", "defaultLanguage", "fr",
                        "texts", Map.of("en", Map.of("message", "Recovered."))),
                "kind", Map.of("name", "No kind", "defaultLanguage", "en", "texts",
                        Map.of("en", Map.of("message", "m"))));
        bad.forEach((field, body) -> as("commander").body(body).put("/templates/" + id).then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo(field)));
        as("commander").body(STILL_INVESTIGATING).put("/templates/a%20b").then().statusCode(422)
                .body("field", equalTo("templateId"));
        as("responder").body(STILL_INVESTIGATING).put("/templates/" + id).then().statusCode(403);
        as("responder").queryParam("kind", "REOPEN").get("/templates").then().statusCode(400)
                .body("field", equalTo("kind"));
        as("responder").body(Map.of()).post("/templates/" + id + "/fill").then().statusCode(404);
        assertThat(TopicReader.endOffsetSum(TOPIC)).isEqualTo(before);

        as("commander").body(STILL_INVESTIGATING).put("/templates/" + id).then().statusCode(201);
        as("responder").body(Map.of("values", Map.of("rcaDueAt", "Friday"))).post("/templates/" + id + "/fill")
                .then().statusCode(422).body("field", equalTo("values"))
                .body("detail", containsString("rcaDueAt is not a placeholder of an UPDATE template"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestStack.tokens().of(user)).contentType(ContentType.JSON);
    }
}
