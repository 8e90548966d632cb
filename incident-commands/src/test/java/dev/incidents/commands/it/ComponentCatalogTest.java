package dev.incidents.commands.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The component catalog on the real service, broker and registry: an incident-admin defines, changes, retires and
 * brings back components; declares name catalog components or are refused naming the known ones, while monitors'
 * alerts add what they name as private placeholders. Every change is one record on incident-components that a
 * Confluent decoder reads.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class ComponentCatalogTest {

    static final String TOPIC = IncidentTopic.INCIDENT_COMPONENTS.topicName();

    final ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());
    final String id = "payments-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_admin_defines_changes_retires_and_brings_back_a_component_and_declares_follow_the_catalog()
            throws IOException {
        Map<String, Object> payments = Map.of("name", "Payments", "description", "Card and wallet payments",
                "group", "Shop", "order", 2, "public", true);

        as("incident-admin").body(payments).put("/components/" + id).then().statusCode(201)
                .header("ETag", "\"1\"").body("name", equalTo("Payments")).body("group", equalTo("Shop"))
                .body("public", equalTo(true)).body("retired", equalTo(false));
        long afterCreate = TopicReader.endOffsetSum(TOPIC);
        as("incident-admin").body(payments).put("/components/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
        assertThat(TopicReader.endOffsetSum(TOPIC)).as("the same definition again changes nothing")
                .isEqualTo(afterCreate);
        as("viewer").get("/components").then().statusCode(200).body("id", hasItem(id));
        as("commander").body(declare(id)).post("/incidents").then().statusCode(201);
        as("commander").body(declare(id, "no-such-" + id)).post("/incidents").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("components"))
                .body("detail", containsString("'no-such-" + id + "' is not in the component catalog"))
                .body("detail", containsString("'" + id + "'"));

        Map<String, Object> renamed = Map.of("name", "Payments and refunds", "group", "Shop", "public", true);
        as("incident-admin").header("If-Match", "\"1\"").body(renamed).put("/components/" + id).then()
                .statusCode(200).header("ETag", "\"2\"");
        as("incident-admin").header("If-Match", "\"1\"").body(payments).put("/components/" + id).then()
                .statusCode(412).body("field", equalTo("If-Match"));
        as("incident-admin").header("If-None-Match", "*").body(payments).put("/components/" + id).then()
                .statusCode(412);

        as("incident-admin").delete("/components/" + id).then().statusCode(204);
        as("viewer").get("/components/" + id).then().statusCode(200).body("retired", equalTo(true))
                .body("name", equalTo("Payments and refunds")).header("ETag", "\"3\"");
        as("viewer").get("/components").then().body("id", not(hasItem(id)));
        as("viewer").queryParam("retired", true).get("/components").then().body("id", hasItem(id));
        as("commander").body(declare(id)).post("/incidents").then().statusCode(422)
                .body("detail", containsString("'" + id + "' is retired"));

        as("incident-admin").body(payments).put("/components/" + id).then().statusCode(200)
                .header("ETag", "\"4\"").body("retired", equalTo(false));
        as("commander").body(declare(id)).post("/incidents").then().statusCode(201);

        List<GenericRecord> changes = changesOf(id);
        assertThat(changes).extracting(c -> (Long) c.get("version")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(changes).extracting(c -> ((GenericRecord) c.get("payload")).getSchema().getName())
                .containsExactly("ComponentDefined", "ComponentDefined", "ComponentRetired", "ComponentDefined");
        assertThat(((GenericRecord) changes.get(2).get("payload")).get("name").toString())
                .isEqualTo("Payments and refunds");
        assertThat(((GenericRecord) changes.get(0).get("actor")).get("id").toString()).isEqualTo("incident-admin");
    }

    @Test
    void an_emitter_is_refused_what_the_catalog_lacks_but_an_alert_adds_it_as_a_private_placeholder()
            throws IOException {
        String service = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestStack.tokens().ofEmitter()).contentType(ContentType.JSON).body(declare(service))
                .post("/incidents").then().statusCode(422).body("field", equalTo("components"));

        ObjectNode alert = alertNaming(service);
        Response declared = given().auth().oauth2(TestStack.tokens().ofEmitter()).contentType(ContentType.JSON)
                .body(alert.toString()).post("/integrations/alertmanager");

        declared.then().statusCode(201);
        as("viewer").get("/components/" + service).then().statusCode(200).body("name", equalTo(service))
                .body("public", equalTo(false)).body("createdOnDeclare", equalTo(true));
        assertThat(changesOf(service)).singleElement().satisfies(change -> assertThat(((GenericRecord) change
                .get("actor")).get("kind").toString()).isEqualTo("SERVICE"));
        as("incident-admin").body(Map.of("name", "Ledger", "public", true)).put("/components/" + service).then()
                .statusCode(200).body("createdOnDeclare", equalTo(false)).header("ETag", "\"2\"");
    }

    @Test
    void a_definition_breaking_a_rule_gets_a_problem_naming_the_field_and_writes_nothing() {
        long before = TopicReader.endOffsetSum(TOPIC);
        Map<String, Map<String, Object>> bad = Map.of(
                "public", Map.of("name", "No visibility"),
                "name", Map.of("name", " ", "public", true),
                "order", Map.of("name", "Negative", "order", -1, "public", true),
                "group", Map.of("name", "Blank group", "group", " ", "public", true),
                "description", Map.of("name", "Long", "description", "x".repeat(2_001), "public", true));
        bad.forEach((field, body) -> as("incident-admin").body(body).put("/components/" + id).then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo(field)));
        as("incident-admin").body(Map.of("name", "Spaces", "public", true)).put("/components/%20" + id)
                .then().statusCode(422).body("field", equalTo("componentId"));
        as("incident-admin").body(Map.of("name", "Colour", "public", true, "colour", "red"))
                .put("/components/" + id).then().statusCode(400).body("field", equalTo("colour"));
        as("incident-admin").header("If-Match", "\"1\"").body(Map.of("name", "Absent", "public", true))
                .put("/components/" + id).then().statusCode(412);
        as("incident-admin").delete("/components/" + id).then().statusCode(404);

        assertThat(TopicReader.endOffsetSum(TOPIC)).isEqualTo(before);
    }

    private List<GenericRecord> changesOf(String componentId) throws IOException {
        List<GenericRecord> changes = new ArrayList<>();
        for (var record : TopicReader.readAll(TOPIC, r -> r.key().equals(componentId))) {
            changes.add(decoder.decode(record.value()));
        }
        return changes;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestStack.tokens().of(user)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> declare(String... components) {
        return Map.of("title", "Payments slow", "severity", "SEV3", "summary", "Some payments take a minute",
                "components", List.of(components));
    }

    private static ObjectNode alertNaming(String service) throws IOException {
        try (InputStream in = ComponentCatalogTest.class.getResourceAsStream(
                "/intake/alertmanager-v4-probe-failure.json")) {
            ObjectNode body = (ObjectNode) MonitorIntakeTest.JSON.readTree(in);
            body.put("groupKey", "{}:{run=\"" + UUID.randomUUID() + "\"}");
            ((ObjectNode) body.get("alerts").get(0).get("labels")).put("service", service);
            return body;
        }
    }
}
