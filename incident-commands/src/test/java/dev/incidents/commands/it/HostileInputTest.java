package dev.incidents.commands.it;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.HostileInputCheck;
import dev.incidents.testing.HostileRequests;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hundreds of malformed requests, made from the service's OpenAPI document and a list of hostile values, sent by
 * a caller who may use every route: each is refused with a problem document, none gets a 5xx, and nothing reaches
 * any topic.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String LONG = "x".repeat(10_000);

    @Test
    void every_malformed_request_is_refused_with_a_problem_and_writes_nothing() {
        String baseUrl = "http://127.0.0.1:" + RestAssured.port;
        List<HostileRequests.Hostile> requests = new HostileRequests(HostileInputCheck.openApi(baseUrl)).all(
                validBodies(Instant.now()), Map.of("incidentId", "inc-hostile", "commandId", "cmd-hostile",
                        "componentId", "hostile-component", "templateId", "hostile-template"),
                // monitors' formats take fields this service does not know and ignores what it does not use, and
                // PagerDuty's errors have PagerDuty's shape: MonitorIntakeTest sends them their hostile requests
                Set.of("POST /integrations/alertmanager", "POST /integrations/grafana",
                        "POST /integrations/pagerduty/v2/enqueue"),
                Map.of("Idempotency-Key", List.of("", " ", LONG, "clé-é", "a\tb"),
                        "If-Match", List.of("abc", "\"x\"", "-1", LONG, "clé")),
                Set.of("Idempotency-Key"));

        HostileInputCheck.Report report = HostileInputCheck.run("incident-commands", baseUrl,
                TestStack.tokens().of("incident-admin"), requests, List.of(
                        IncidentTopic.INCIDENT_COMMANDS.topicName(), IncidentTopic.INCIDENT_EVENTS.topicName(),
                        IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(),
                        IncidentTopic.INCIDENT_DEDUP_KEYS.topicName(),
                        IncidentTopic.INCIDENT_ROUTED_COMMANDS.topicName(),
                        IncidentTopic.INCIDENT_COMPONENTS.topicName(),
                        IncidentTopic.INCIDENT_TEMPLATES.topicName(),
                        IncidentTopic.MAINTENANCE_COMMANDS.topicName(),
                        IncidentTopic.MAINTENANCE_EVENTS.topicName()));

        report.printAndCheck(300);
    }

    /** A body each operation would accept; every hostile request changes one thing of it. */
    private static Map<String, String> validBodies(Instant now) {
        Map<String, String> bodies = new HashMap<>(Map.of(
                "POST /incidents", "{\"title\":\"Checkout down\",\"severity\":\"SEV1\",\"summary\":\"Customers "
                        + "cannot pay\",\"components\":[\"checkout\"],\"commander\":\"alice\",\"detectedAt\":\""
                        + now.minusSeconds(60) + "\",\"dedupKey\":\"hostile-1\",\"source\":\"monitor\"}",
                "POST /incidents/{incidentId}/updates", "{\"status\":\"IDENTIFIED\",\"message\":\"Rolling back\","
                        + "\"audience\":\"PUBLIC\",\"nextUpdateAt\":\"" + now.plus(Duration.ofMinutes(10)) + "\"}",
                "POST /incidents/{incidentId}/severity", "{\"severity\":\"SEV2\",\"reason\":\"Fewer affected\"}",
                "POST /incidents/{incidentId}/resolve", "{\"message\":\"Fixed\",\"rcaDueAt\":\""
                        + now.plus(Duration.ofDays(3)) + "\",\"rcaOwner\":\"alice\"}",
                "POST /incidents/{incidentId}/reopen", "{\"reason\":\"It came back\"}",
                "POST /incidents/{incidentId}/rca", "{\"rootCause\":\"A bad deploy\",\"correctiveActions\":[{"
                        + "\"description\":\"Add a canary\",\"owner\":\"alice\",\"dueAt\":\""
                        + now.plus(Duration.ofDays(7)) + "\"}],\"thirdParty\":{\"vendor\":\"Acme\","
                        + "\"description\":\"Their API failed\"}}",
                "POST /incidents/{incidentId}/customer-reports", "{\"receivedAt\":\"" + now.minusSeconds(300)
                        + "\",\"channel\":\"email\",\"reference\":\"T-1\"}",
                "POST /incidents/{incidentId}/corrective-actions/{actionId}/complete",
                "{\"note\":\"https://git.example/pr/12\"}",
                "POST /incidents/{incidentId}/corrective-actions/{actionId}/decline",
                "{\"reason\":\"Covered by the new provider\"}",
                "POST /incidents/{incidentId}/corrective-actions/{actionId}/reschedule", "{\"dueAt\":\""
                        + now.plus(Duration.ofDays(14)) + "\",\"reason\":\"Waiting on the vendor\"}"));
        bodies.put("PUT /components/{componentId}", "{\"name\":\"Checkout\",\"description\":\"Paying\","
                + "\"group\":\"Shop\",\"order\":1,\"public\":true}");
        bodies.put("PUT /templates/{templateId}", "{\"kind\":\"UPDATE\",\"name\":\"Still investigating\","
                + "\"status\":\"INVESTIGATING\",\"audience\":\"PUBLIC\",\"defaultLanguage\":\"en\",\"texts\":"
                + "{\"en\":{\"message\":\"Still on {component}\"}}}");
        bodies.put("POST /templates/{templateId}/fill", "{\"language\":\"de\",\"values\":{\"component\":"
                + "\"Checkout\"}}");
        bodies.put("POST /maintenances", "{\"title\":\"Database upgrade\",\"description\":\"Checkout may "
                + "pause\",\"components\":[\"checkout\"],\"startsAt\":\"" + now.plus(Duration.ofHours(1))
                + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(2)) + "\",\"audience\":\"PUBLIC\"}");
        bodies.put("POST /maintenances/{maintenanceId}/updates", "{\"message\":\"Longer\",\"endsAt\":\""
                + now.plus(Duration.ofHours(3)) + "\"}");
        bodies.put("POST /maintenances/{maintenanceId}/start", "{\"message\":\"Starting\"}");
        bodies.put("POST /maintenances/{maintenanceId}/complete", "{\"message\":\"Done\"}");
        bodies.put("POST /maintenances/{maintenanceId}/cancel", "{\"reason\":\"Postponed\"}");
        return bodies;
    }
}
