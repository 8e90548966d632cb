package dev.incidents.projection.it;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.HostileInputCheck;
import dev.incidents.testing.HostileRequests;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hundreds of malformed requests, made from the projection's OpenAPI document and a list of hostile values (path
 * ids, query values, methods a path does not take), sent by a viewer: each is refused with a problem document and
 * none gets a 5xx. The projection writes no topic from HTTP; incident-events is counted to show it.
 */
@QuarkusTest
@QuarkusTestResource(value = ProjectionTestStack.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    @Test
    void every_malformed_request_is_refused_with_a_problem() throws Exception {
        String baseUrl = "http://127.0.0.1:" + RestAssured.port;
        ProjectionAnswers.awaitOk(() -> RestAssured.given().auth().oauth2(TestStack.tokens().of("viewer"))
                .get("/incidents"), response -> true, Duration.ofSeconds(60));
        List<HostileRequests.Hostile> requests = new HostileRequests(HostileInputCheck.openApi(baseUrl)).all(
                Map.of(), Map.of("incidentId", "inc-hostile"),
                // the live stream stays open: its refusals are the access and limit tests' part
                Set.of("GET /incidents/stream"), Map.of(), Set.of());

        HostileInputCheck.Report report = HostileInputCheck.run("timeline-projection", baseUrl,
                TestStack.tokens().of("viewer"), requests, List.of(IncidentTopic.INCIDENT_EVENTS.topicName()));

        report.printAndCheck(300);
    }
}
