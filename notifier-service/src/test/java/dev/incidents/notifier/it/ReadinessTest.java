package dev.incidents.notifier.it;

import dev.incidents.support.background.Supervisor;
import dev.incidents.testing.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness on the running service: it names every background loop and Kafka Streams, and turns DOWN, naming the
 * loop and its error, while a loop is broken, and UP again once the supervisor has started it again.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class ReadinessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Supervisor supervisor;

    @Test
    void readiness_is_down_while_a_loop_is_broken_and_up_once_it_runs_again() throws Exception {
        JsonPath ready = JsonPath.from(Await.until("the notifier ready", PATIENCE, this::readiness,
                answer -> answer.status() == 200 && answer.body().contains("\"RUNNING for")).body());
        assertThat(ready.getString("checks.find { it.name == 'background work' }.data"))
                .contains("outbox-dispatch").contains("delivery-timer").contains("notifier-subscriptions-table");
        assertThat(ready.getString("checks.find { it.name == 'Kafka Streams' }.data.state")).startsWith("RUNNING");

        AtomicBoolean broken = new AtomicBoolean(true);
        Supervisor.Handle loop = supervisor.start("injected-loop", running -> {
            if (broken.get()) {
                throw new IllegalStateException("injected: the broker refused the commit");
            }
            while (running.getAsBoolean()) {
                Thread.sleep(10);
            }
        }, () -> { });
        try {
            JsonPath down = JsonPath.from(Await.until("readiness down", PATIENCE, this::readiness,
                    answer -> answer.status() == 503).body());
            assertThat(down.getString("checks.find { it.name == 'background work' }.data.'injected-loop'"))
                    .startsWith("FAILED since").contains("injected: the broker refused the commit");

            broken.set(false);

            Await.until("readiness up again", PATIENCE, this::readiness, answer -> answer.status() == 200);
        } finally {
            loop.close();
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer readiness() {
        Response response = RestAssured.given().get("/q/health/ready");
        return new Answer(response.statusCode(), response.asString());
    }
}
