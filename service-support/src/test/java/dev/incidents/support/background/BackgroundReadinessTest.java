package dev.incidents.support.background;

import dev.incidents.testing.Await;
import dev.incidents.testing.MutableClock;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundReadinessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final Supervisor supervisor = new Supervisor(new MutableClock(Instant.parse("2026-12-02T10:00:00Z")),
            new Supervisor.Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));
    private final BackgroundReadiness readiness = new BackgroundReadiness(supervisor);

    @AfterEach
    void stop() throws InterruptedException {
        supervisor.close();
    }

    @Test
    void readiness_is_down_naming_the_broken_loop_and_its_error_and_up_again_once_it_recovers() {
        AtomicBoolean commitsFail = new AtomicBoolean(false);
        CountDownLatch stop = new CountDownLatch(1);
        supervisor.start("outbox-dispatch", running -> {
            while (running.getAsBoolean()) {
                if (commitsFail.get()) {
                    throw new IllegalStateException("injected: the commit failed");
                }
                Thread.sleep(5);
            }
        }, stop::countDown);
        supervisor.timer("delivery-timer");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        commitsFail.set(true);

        HealthCheckResponse down = Await.until("readiness down", PATIENCE, readiness::call,
                response -> response.getStatus() == HealthCheckResponse.Status.DOWN);
        assertThat(down.getName()).isEqualTo("background work");
        assertThat(down.getData()).hasValueSatisfying(data -> {
            assertThat(data.get("outbox-dispatch").toString()).contains("FAILED").contains("injected: the commit failed");
            assertThat(data.get("delivery-timer")).isEqualTo("RUNNING");
        });

        commitsFail.set(false);

        HealthCheckResponse up = Await.until("readiness up again", PATIENCE, readiness::call,
                response -> response.getStatus() == HealthCheckResponse.Status.UP);
        assertThat(up.getData()).hasValueSatisfying(data ->
                assertThat(data.get("outbox-dispatch").toString()).startsWith("RUNNING (started again"));
    }
}
