package dev.incidents.commands.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.HostileInputCheck;
import dev.incidents.testing.HostileRequests;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitors on the real service, broker and registry, signed in as the local realm's emitter: Alertmanager's resend
 * sequence makes one incident that hears what changed and is never resolved by it; PagerDuty's events are answered
 * as PagerDuty answers them. The bodies are the formats' documented examples (src/test/resources/intake).
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class MonitorIntakeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROUTING_KEY = "R0UT1NGKEYF0RTHETESTS00000000000";
    static final List<String> TOPICS = List.of(IncidentTopic.INCIDENT_COMMANDS.topicName(),
            IncidentTopic.INCIDENT_EVENTS.topicName(), IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(),
            IncidentTopic.INCIDENT_DEDUP_KEYS.topicName(), IncidentTopic.INCIDENT_ROUTED_COMMANDS.topicName());

    final IncidentEventsOnTopic events = new IncidentEventsOnTopic();

    @Test
    void alertmanagers_resend_sequence_makes_one_incident_with_internal_updates_and_no_resolution() throws IOException {
        String groupKey = "{}:{alertname=\"ProbeFailure\", run=\"" + UUID.randomUUID() + "\"}";
        ObjectNode firing = alertmanager(groupKey, alert("fp-a", "server-a", "firing"));

        Response first = send("alertmanager", firing);
        Response again = send("alertmanager", firing);
        Response oneMore = send("alertmanager", alertmanager(groupKey, alert("fp-a", "server-a", "firing"),
                alert("fp-b", "server-b", "firing")));
        Response resolved = send("alertmanager", alertmanager(groupKey, alert("fp-a", "server-a", "resolved"),
                alert("fp-b", "server-b", "resolved")).put("status", "resolved"));

        assertThat(List.of(first, again, oneMore, resolved)).extracting(Response::statusCode)
                .containsExactly(201, 200, 200, 200);
        String incidentId = first.jsonPath().getString("incidentId");
        assertThat(List.of(again, oneMore, resolved)).allSatisfy(answer -> {
            assertThat(answer.jsonPath().getString("incidentId")).isEqualTo(incidentId);
            assertThat(answer.jsonPath().getBoolean("deduplicated")).isTrue();
        });
        List<GenericRecord> payloads = events.payloadsOf(incidentId);
        assertThat(payloads).extracting(payload -> payload.getSchema().getName())
                .containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted");
        assertThat(payloads.subList(1, 3)).extracting(payload -> payload.get("audience").toString())
                .containsOnly("INTERNAL");
        assertThat(payloads.get(1).get("message").toString())
                .isEqualTo("Alertmanager: 1 alert firing: ProbeFailure (server-b).");
        assertThat(payloads.get(2).get("message").toString()).startsWith("Alertmanager: 2 alerts resolved")
                .contains("All alerts are resolved");
        assertThat(resolved.jsonPath().getString("status")).isEqualTo("INVESTIGATING");
    }

    @Test
    void a_resolved_notification_for_a_group_nobody_declared_declares_nothing() throws IOException {
        String groupKey = "{}:{run=\"" + UUID.randomUUID() + "\"}";

        Response answer = send("alertmanager", alertmanager(groupKey, alert("fp-z", "server-z", "resolved"))
                .put("status", "resolved"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("outcome")).isEqualTo("NOTHING_FIRING");
        assertThat(answer.jsonPath().getString("incidentId")).isNull();
    }

    @Test
    void a_grafana_notification_declares_under_its_orgs_group() throws IOException {
        ObjectNode body = resource("grafana-two-firing.json").put("groupKey", "{}:{run=\"" + UUID.randomUUID() + "\"}");

        Response answer = send("grafana", body);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(events.payloadsOf(answer.jsonPath().getString("incidentId")).getFirst().get("dedupKey").toString())
                .isEqualTo("grafana:1:" + body.get("groupKey").asText());
    }

    @Test
    void pagerduty_triggers_are_answered_202_with_the_dedup_key_and_a_second_one_joins_raising_the_severity()
            throws IOException {
        String dedupKey = "srv01/HTTP/" + UUID.randomUUID();
        ObjectNode trigger = resource("pagerduty-trigger.json").put("routing_key", ROUTING_KEY)
                .put("dedup_key", dedupKey);
        ObjectNode critical = trigger.deepCopy();
        ((ObjectNode) critical.get("payload")).put("severity", "critical");

        Response first = send("pagerduty/v2/enqueue", trigger);
        Response second = send("pagerduty/v2/enqueue", critical);

        for (Response answer : List.of(first, second)) {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("success");
            assertThat(answer.jsonPath().getString("message")).isEqualTo("Event processed");
            assertThat(answer.jsonPath().getString("dedup_key")).isEqualTo(dedupKey);
        }
        List<GenericRecord> declared = events.declaredWithDedupKey("pagerduty:tests:" + dedupKey);
        assertThat(declared).hasSize(1);
        assertThat(events.payloadsOf(declared.getFirst().get("incidentId").toString()))
                .extracting(payload -> payload.getSchema().getName())
                .containsExactly("IncidentDeclared", "SeverityChanged");
    }

    @Test
    void pagerduty_events_it_would_refuse_get_its_error_shape() throws IOException {
        Response unknownKey = send("pagerduty/v2/enqueue", resource("pagerduty-trigger.json"));
        ObjectNode noSummary = resource("pagerduty-trigger.json").put("routing_key", ROUTING_KEY);
        ((ObjectNode) noSummary.get("payload")).remove("summary");
        Response invalid = send("pagerduty/v2/enqueue", noSummary);

        for (Response answer : List.of(unknownKey, invalid)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("invalid event");
            assertThat(answer.jsonPath().getString("message")).isEqualTo("Event object is invalid");
            assertThat(answer.jsonPath().getList("errors")).hasSize(1);
        }
    }

    @Test
    void hostile_notifications_are_refused_with_a_problem_and_write_nothing() throws IOException {
        List<HostileRequests.Hostile> requests = new ArrayList<>();
        for (String monitor : List.of("alertmanager", "grafana")) {
            ObjectNode valid = monitor.equals("grafana") ? resource("grafana-two-firing.json")
                    : resource("alertmanager-v4-probe-failure.json");
            String path = "/integrations/" + monitor;
            for (var mutation : hostileMutations().entrySet()) {
                ObjectNode body = valid.deepCopy();
                mutation.getValue().accept(body);
                requests.add(new HostileRequests.Hostile(monitor + ": " + mutation.getKey(), "POST", path,
                        Map.of("Content-Type", "application/json"), body.toString().getBytes(StandardCharsets.UTF_8)));
            }
            String text = valid.toString();
            requests.add(raw(monitor + ": truncated", path, text.substring(0, text.length() / 2)));
            requests.add(raw(monitor + ": trailing data", path, text + "}garbage"));
            requests.add(raw(monitor + ": an array", path, "[" + text + "]"));
            requests.add(raw(monitor + ": null", path, "null"));
            requests.add(raw(monitor + ": over 512 KiB", path, text.substring(0, text.length() - 1)
                    + ",\"padding\":\"" + "p".repeat(600_000) + "\"}"));
        }

        HostileInputCheck.run("incident-commands", "http://127.0.0.1:" + RestAssured.port,
                TestStack.tokens().ofEmitter(), requests, TOPICS).printAndCheck(requests.size());
    }

    @Test
    void hostile_pagerduty_events_get_its_error_shape_and_write_nothing() throws IOException {
        ObjectNode valid = resource("pagerduty-trigger.json").put("routing_key", ROUTING_KEY);
        Map<String, Long> before = endOffsets();
        List<ObjectNode> hostile = List.of(valid.deepCopy().put("event_action", "delete"),
                valid.deepCopy().put("dedup_key", "k".repeat(256)), valid.deepCopy().put("routing_key", 7),
                (ObjectNode) valid.deepCopy().set("payload", JSON.getNodeFactory().arrayNode()),
                payloadWith(valid, "summary", "s".repeat(1025)), payloadWith(valid, "severity", "CRITICAL"),
                payloadWith(valid, "summary", "nul\u0000inside"));

        for (ObjectNode event : hostile) {
            Response answer = send("pagerduty/v2/enqueue", event);
            assertThat(answer.statusCode()).as(event.toString()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("invalid event");
            assertThat(answer.jsonPath().getList("errors")).isNotEmpty();
        }
        assertThat(endOffsets()).isEqualTo(before);
    }

    /** Changes to one used field each, every one of which the intake must refuse. */
    private static Map<String, java.util.function.Consumer<ObjectNode>> hostileMutations() {
        Map<String, java.util.function.Consumer<ObjectNode>> mutations = new LinkedHashMap<>();
        mutations.put("groupKey a number", body -> body.put("groupKey", 12345));
        mutations.put("groupKey blank", body -> body.put("groupKey", " "));
        mutations.put("no alerts", body -> body.putArray("alerts"));
        mutations.put("alerts a string", body -> body.put("alerts", "x"));
        mutations.put("a null alert", body -> body.putArray("alerts").addNull());
        mutations.put("status pending", body -> firstAlert(body).put("status", "pending"));
        mutations.put("startsAt yesterday", body -> firstAlert(body).put("startsAt", "yesterday"));
        mutations.put("startsAt a boolean", body -> firstAlert(body).put("startsAt", true));
        mutations.put("a label a number", body -> ((ObjectNode) firstAlert(body).get("labels")).put("alertname", 5));
        mutations.put("alertname with NUL", body -> ((ObjectNode) firstAlert(body).get("labels"))
                .put("alertname", "a\u0000b"));
        mutations.put("alertname with a bidi override", body -> ((ObjectNode) firstAlert(body).get("labels"))
                .put("alertname", "a\u202Eb"));
        mutations.put("summary with a noncharacter", body -> body.putObject("commonAnnotations")
                .put("summary", "a\uFFFFb"));
        return mutations;
    }

    private static ObjectNode firstAlert(ObjectNode body) {
        return (ObjectNode) body.get("alerts").get(0);
    }

    private static ObjectNode payloadWith(ObjectNode event, String field, String value) {
        ObjectNode copy = event.deepCopy();
        ((ObjectNode) copy.get("payload")).put(field, value);
        return copy;
    }

    private static HostileRequests.Hostile raw(String name, String path, String body) {
        return new HostileRequests.Hostile(name, "POST", path, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Long> endOffsets() {
        Map<String, Long> offsets = new LinkedHashMap<>();
        TOPICS.forEach(topic -> offsets.put(topic, TopicReader.endOffsetSum(topic)));
        return offsets;
    }

    private static Response send(String integration, ObjectNode body) {
        return given().auth().oauth2(TestStack.tokens().ofEmitter()).contentType(ContentType.JSON)
                .body(body.toString()).post("/integrations/" + integration);
    }

    private static ObjectNode alertmanager(String groupKey, ObjectNode... alerts) throws IOException {
        ObjectNode body = resource("alertmanager-v4-probe-failure.json").put("groupKey", groupKey);
        ArrayNode list = body.putArray("alerts");
        for (ObjectNode alert : alerts) {
            list.add(alert);
        }
        return body;
    }

    private static ObjectNode alert(String fingerprint, String instance, String status) throws IOException {
        ObjectNode alert = ((ObjectNode) resource("alertmanager-v4-probe-failure.json").get("alerts").get(0))
                .put("fingerprint", fingerprint).put("status", status);
        ((ObjectNode) alert.get("labels")).put("instance", instance);
        return alert;
    }

    private static ObjectNode resource(String file) throws IOException {
        try (InputStream in = MonitorIntakeTest.class.getResourceAsStream("/intake/" + file)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
