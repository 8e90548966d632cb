package dev.incidents.support.background;

import dev.incidents.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final Supervisor supervisor = new Supervisor(clock);

    @Test
    void a_loop_that_dies_of_an_error_is_reported_failed_with_its_cause() throws Exception {
        Supervisor.Handle loop = supervisor.start("follower", running -> {
            throw new IllegalStateException("broker unreachable");
        }, () -> { });

        loop.close();

        assertThat(supervisor.loops()).singleElement().satisfies(status -> {
            assertThat(status.name()).isEqualTo("follower");
            assertThat(status.state()).isEqualTo(Supervisor.State.FAILED);
            assertThat(status.failure()).contains("broker unreachable");
            assertThat(status.since()).isEqualTo(T0);
        });
    }

    @Test
    void stopping_wakes_a_waiting_loop_and_leaves_it_stopped_not_failed() throws Exception {
        CountDownLatch wakeUp = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean woken = new AtomicBoolean();
        supervisor.start("dispatch", running -> {
            started.countDown();
            while (running.getAsBoolean()) {
                wakeUp.await(); // a poll that only a wake-up ends
            }
        }, () -> {
            woken.set(true);
            wakeUp.countDown();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.loops()).extracting(Supervisor.Status::state).containsExactly(Supervisor.State.RUNNING);

        supervisor.close();

        assertThat(woken).isTrue();
        assertThat(supervisor.loops()).extracting(Supervisor.Status::state).containsExactly(Supervisor.State.STOPPED);
    }
}
