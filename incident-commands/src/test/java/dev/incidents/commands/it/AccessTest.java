package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.testing.RouteMatrix;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, with real tokens from the local realm on a real Keycloak. The route matrix is built from the
 * service's own OpenAPI document ({@link RouteMatrix}), so a route added without a line in {@link #ALLOWED} fails.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class AccessTest {

    private static final String EMITTER = RouteMatrix.EMITTER;
    /** The local realm's notifier-admin is a viewer as well. */
    private static final Set<String> READERS = Set.of("viewer", "responder", "commander", "notifier-admin",
            "incident-admin", EMITTER);

    /** Every operation of the service and who may call it; everybody else gets 403, nobody signed in 401. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("POST /incidents", Set.of("commander", "incident-admin", EMITTER)),
            Map.entry("POST /incidents/{incidentId}/updates",
                    Set.of("responder", "commander", "incident-admin", EMITTER)),
            Map.entry("POST /incidents/{incidentId}/customer-reports",
                    Set.of("responder", "commander", "incident-admin", EMITTER)),
            Map.entry("POST /incidents/{incidentId}/severity", Set.of("commander", "incident-admin")),
            Map.entry("POST /incidents/{incidentId}/resolve", Set.of("commander", "incident-admin")),
            Map.entry("POST /incidents/{incidentId}/reopen", Set.of("commander", "incident-admin")),
            Map.entry("POST /incidents/{incidentId}/rca", Set.of("commander", "incident-admin")),
            Map.entry("POST /incidents/{incidentId}/corrective-actions/{actionId}/complete",
                    Set.of("responder", "commander", "incident-admin")),
            Map.entry("POST /incidents/{incidentId}/corrective-actions/{actionId}/reschedule",
                    Set.of("responder", "commander", "incident-admin")),
            // declining what the RCA promised is a commander's call
            Map.entry("POST /incidents/{incidentId}/corrective-actions/{actionId}/decline",
                    Set.of("commander", "incident-admin")),
            // monitors: machines, and never able to resolve
            Map.entry("POST /integrations/alertmanager", Set.of("incident-admin", EMITTER)),
            Map.entry("POST /integrations/grafana", Set.of("incident-admin", EMITTER)),
            Map.entry("POST /integrations/pagerduty/v2/enqueue", Set.of("incident-admin", EMITTER)),
            Map.entry("GET /asyncapi.yaml", RouteMatrix.ANYBODY),
            // the catalog: everybody who reads incidents reads it, only an incident-admin changes it
            Map.entry("GET /components", READERS),
            Map.entry("GET /components/{componentId}", READERS),
            Map.entry("PUT /components/{componentId}", Set.of("incident-admin")),
            Map.entry("DELETE /components/{componentId}", Set.of("incident-admin")),
            // templates: everybody who reads incidents reads and fills them in, commanders write them
            Map.entry("GET /templates", READERS),
            Map.entry("GET /templates/{templateId}", READERS),
            Map.entry("POST /templates/{templateId}/fill", READERS),
            Map.entry("PUT /templates/{templateId}", Set.of("commander", "incident-admin")),
            Map.entry("DELETE /templates/{templateId}", Set.of("commander", "incident-admin")),
            Map.entry("GET /commands/{commandId}", READERS),
            Map.entry("GET /policy", READERS),
            // a commander plans windows; a deploy pipeline may start and complete its own
            Map.entry("POST /maintenances", Set.of("commander", "incident-admin")),
            Map.entry("POST /maintenances/{maintenanceId}/updates", Set.of("commander", "incident-admin")),
            Map.entry("POST /maintenances/{maintenanceId}/start",
                    Set.of("responder", "commander", "incident-admin", EMITTER)),
            Map.entry("POST /maintenances/{maintenanceId}/complete",
                    Set.of("responder", "commander", "incident-admin", EMITTER)),
            Map.entry("POST /maintenances/{maintenanceId}/cancel", Set.of("commander", "incident-admin")));

    /** The local stack's projection, where the dashboard is served from; the default allowed origin. */
    private static final String DASHBOARD_ORIGIN = "http://127.0.0.1:8082";
    private static RouteMatrix callers;
    private final ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());

    @BeforeAll
    static void signIn() {
        callers = new RouteMatrix();
    }

    @Test
    void nobody_signed_in_gets_401_and_a_role_the_route_does_not_name_gets_403_both_as_problems() {
        callers.check(ALLOWED);
    }

    @Test
    void the_dashboards_origin_may_send_commands_from_a_browser_and_no_other_origin_may() {
        Response preflight = given().header("Origin", DASHBOARD_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options("/incidents");
        Response foreign = given().header("Origin", "http://127.0.0.1:1")
                .header("Access-Control-Request-Method", "POST").options("/incidents");
        Response declared = declare(given().auth().oauth2(callers.token("commander"))
                .header("Origin", DASHBOARD_ORIGIN), outage());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(declared.statusCode()).isEqualTo(201);
        assertThat(declared.header("Access-Control-Expose-Headers")).contains("Location");
    }

    @Test
    void the_policy_names_each_severitys_cadence_and_rca_window() {
        JsonPath policy = given().auth().oauth2(callers.token("viewer")).get("/policy").then().statusCode(200)
                .extract().jsonPath();

        assertThat(policy.getList("severities.severity")).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
        assertThat(policy.getInt("severities[0].cadenceSeconds")).isEqualTo(900);
        assertThat(policy.getLong("severities[0].rcaWindowSeconds")).isEqualTo(5 * 86_400L);
    }

    @Test
    void a_token_the_provider_did_not_sign_gets_401() {
        String viewer = callers.token("viewer");
        String forged = viewer.substring(0, viewer.lastIndexOf('.')) + ".c2lnbmF0dXJl";

        Response answer = declare(given().auth().oauth2(forged), Map.of());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.jsonPath().getString("type")).endsWith(":unauthorized");
    }

    @Test
    void the_actor_is_the_signed_in_caller_whatever_x_actor_id_says() throws IOException {
        String byPerson = declare(given().auth().oauth2(callers.token("commander"))
                .header("X-Actor-Id", "somebody-else").header("X-Actor-Kind", "SERVICE"), outage())
                .then().statusCode(201).extract().jsonPath().getString("incidentId");
        String byMachine = declare(given().auth().oauth2(callers.token(EMITTER)), outage())
                .then().statusCode(201).extract().jsonPath().getString("incidentId");

        assertThat(actorOfDeclaration(byPerson)).containsExactly("commander", "PERSON");
        assertThat(actorOfDeclaration(byMachine)).containsExactly("service-account-incident-emitter", "SERVICE");
    }

    @Test
    void one_callers_idempotency_key_neither_replays_nor_blocks_another_callers_request() {
        String key = UUID.randomUUID().toString();
        JsonPath first = declare(given().auth().oauth2(callers.token("commander")).header("Idempotency-Key", key),
                outage()).then().statusCode(201).extract().jsonPath();
        JsonPath replayed = declare(given().auth().oauth2(callers.token("commander")).header("Idempotency-Key", key),
                outage()).then().statusCode(201).extract().jsonPath();
        JsonPath other = declare(given().auth().oauth2(callers.token(EMITTER)).header("Idempotency-Key", key),
                outage()).then().statusCode(201).extract().jsonPath();

        assertThat(replayed.getString("incidentId")).isEqualTo(first.getString("incidentId"));
        assertThat(other.getString("incidentId")).isNotEqualTo(first.getString("incidentId"));
    }

    @Test
    void a_machine_posts_internal_updates_only() {
        String id = declare(given().auth().oauth2(callers.token(EMITTER)), outage())
                .then().statusCode(201).extract().jsonPath().getString("incidentId");

        Response internal = update(id, EMITTER, Map.of("status", "INVESTIGATING", "message", "Error rate 40%",
                "audience", "INTERNAL"));
        Response published = update(id, EMITTER, Map.of("status", "INVESTIGATING", "message", "We are looking"));

        assertThat(internal.statusCode()).isEqualTo(201);
        assertThat(published.statusCode()).isEqualTo(403);
        assertThat(published.jsonPath().getString("detail")).contains("INTERNAL");
    }

    private static Response declare(RequestSpecification request, Map<String, Object> body) {
        return request.contentType(ContentType.JSON).body(body).post("/incidents");
    }

    private static Response update(String incidentId, String caller, Map<String, Object> body) {
        return given().auth().oauth2(callers.token(caller)).contentType(ContentType.JSON).body(body)
                .post("/incidents/" + incidentId + "/updates");
    }

    private static Map<String, Object> outage() {
        return Map.of("title", "Checkout down", "severity", "SEV1", "summary", "Customers cannot pay");
    }

    private List<String> actorOfDeclaration(String incidentId) throws IOException {
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events",
                r -> r.key().equals(incidentId))) {
            GenericRecord actor = (GenericRecord) decoder.decode(record.value()).get("actor");
            return List.of(actor.get("id").toString(), actor.get("kind").toString());
        }
        throw new AssertionError("No event of incident " + incidentId);
    }
}
