package dev.incidents.commands.it;

import dev.incidents.testing.AlertRules;
import dev.incidents.testing.ScrapedMetrics;
import dev.incidents.testing.SignedIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.incidents.testing.ScrapedMetrics.value;
import static org.assertj.core.api.Assertions.assertThat;

/** /q/metrics, open like the health checks, counts each command by how it ended and times its decision. */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class CommandMetricsTest {

    private static final String ACCEPTED_DECLARES =
            "incident_commands_total{command=\"DeclareIncident\",outcome=\"accepted\",reason=\"none\"}";
    private static final String REFUSED_UPDATES =
            "incident_commands_total{command=\"PostUpdate\",outcome=\"refused\",reason=\"invalid\"}";

    @BeforeAll
    static void signIn() {
        SignedIn.as("commander");
    }

    @AfterAll
    static void signOut() {
        SignedIn.out();
    }

    @Test
    void a_declare_and_a_refused_update_move_the_command_counters_and_the_decision_timer() {
        double declaresBefore = value(ACCEPTED_DECLARES);
        double refusedBefore = value(REFUSED_UPDATES);

        String incidentId = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("title", "Metrics test", "severity", "SEV2", "summary", "s")).post("/incidents")
                .then().statusCode(201).extract().jsonPath().getString("incidentId");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("status", "IDENTIFIED", "message", "m",
                        "nextUpdateAt", Instant.now().plus(Duration.ofDays(2)).toString()))
                .post("/incidents/" + incidentId + "/updates").then().statusCode(422);

        assertThat(value(ACCEPTED_DECLARES)).isEqualTo(declaresBefore + 1);
        assertThat(value(REFUSED_UPDATES)).isEqualTo(refusedBefore + 1);
        assertThat(value("incident_command_decision_seconds_count{command=\"DeclareIncident\"}")).isPositive();
        assertThat(ScrapedMetrics.names()).as("every metric the alert rules use for incident-commands")
                .containsAll(AlertRules.metricsUsedBy("incident-commands"));
    }
}
