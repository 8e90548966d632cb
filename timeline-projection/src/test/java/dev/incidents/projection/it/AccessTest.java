package dev.incidents.projection.it;

import dev.incidents.testing.RouteMatrix;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may read what, with real tokens of the local realm on a real Keycloak: the public status page's answers are
 * anybody's, the rest needs a reader's role. The route matrix comes from the service's OpenAPI document
 * ({@link RouteMatrix}), so a route added without a line in {@link #ALLOWED} fails.
 */
@QuarkusTest
@QuarkusTestResource(value = ProjectionTestStack.class, restrictToAnnotatedClass = false)
class AccessTest {

    private static final Set<String> READERS = Set.of("viewer", "responder", "commander", "incident-admin",
            // the local realm's notifier-admin is a viewer as well
            "notifier-admin");
    private static final Set<String> READERS_AND_PEERS = Set.of("viewer", "responder", "commander", "incident-admin",
            "notifier-admin", RouteMatrix.PEER);

    /** Every operation of the service and who may call it; everybody else gets 403, nobody signed in 401. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("GET /incidents", READERS_AND_PEERS),
            Map.entry("GET /incidents/{incidentId}", READERS_AND_PEERS),
            Map.entry("GET /incidents/{incidentId}/timeline", READERS_AND_PEERS),
            Map.entry("GET /incidents/stream", READERS_AND_PEERS),
            Map.entry("GET /reports/communication", READERS),
            Map.entry("GET /corrective-actions", READERS),
            Map.entry("GET /maintenances", READERS_AND_PEERS),
            Map.entry("GET /maintenances/{maintenanceId}", READERS_AND_PEERS),
            Map.entry("GET /public/incidents", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/summary.json", RouteMatrix.ANYBODY),
            Map.entry("GET /public/maintenances", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/scheduled-maintenances/upcoming.json", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/scheduled-maintenances/active.json", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/incidents.json", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/components/{componentId}/uptime.json", RouteMatrix.ANYBODY),
            Map.entry("GET /api/v2/uptimes.json", RouteMatrix.ANYBODY),
            Map.entry("GET /history.atom", RouteMatrix.ANYBODY),
            Map.entry("GET /dashboard/sign-in", RouteMatrix.ANYBODY),
            Map.entry("GET /public/sign-up", RouteMatrix.ANYBODY));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RouteMatrix callers;

    @BeforeAll
    static void signIn() {
        callers = new RouteMatrix();
    }

    @Test
    void nobody_signed_in_gets_401_a_role_the_route_does_not_name_gets_403_and_the_public_answers_refuse_nobody() {
        callers.check(ALLOWED);
    }

    @Test
    void the_pages_files_health_and_openapi_need_no_sign_in() {
        for (String path : List.of("/dashboard/", "/dashboard/sign-in.js", "/status/", "/shared/format.js",
                "/q/health/ready", "/q/openapi")) {
            assertThat(RestAssured.get(path).statusCode()).as(path).isIn(200, 503);
        }
    }

    @Test
    void the_dashboard_learns_where_to_sign_in() {
        given().get("/dashboard/sign-in").then().statusCode(200)
                .body("issuer", equalTo(TestStack.issuerUrl())).body("clientId", equalTo("incidents-dashboard"));
    }

    @Test
    void a_viewer_asking_for_one_instances_part_is_answered_as_anybody_else_only_a_peer_is_heard()
            throws InterruptedException {
        // One instance here: both answers hold the same incidents, but only the peer's is marked as a part.
        Response asViewer = ProjectionAnswers.awaitOk(() -> given().auth().oauth2(callers.token("viewer"))
                .header("X-Incidents-Local-Only", "true").get("/public/incidents"), answer -> true, PATIENCE);
        Response asPeer = ProjectionAnswers.awaitOk(() -> given().auth().oauth2(callers.token(RouteMatrix.PEER))
                .header("X-Incidents-Local-Only", "true").get("/public/incidents"), answer -> true, PATIENCE);

        assertThat(asViewer.header("Cache-Control")).startsWith("public");
        assertThat(asPeer.header("Cache-Control")).isEqualTo("no-store");
    }
}
