package dev.incidents.support.background;

import dev.incidents.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    @Test
    void a_timer_task_that_throws_leaves_the_timer_failed_and_later_tasks_still_run() throws Exception {
        Supervisor.Timer timer = supervisor.timer("delivery-timer");
        CountDownLatch laterTaskRan = new CountDownLatch(1);

        timer.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("ledger unavailable");
        });
        timer.schedule(Duration.ofMillis(10), laterTaskRan::countDown);

        assertThat(laterTaskRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.loops()).singleElement().satisfies(status -> {
            assertThat(status.name()).isEqualTo("delivery-timer");
            assertThat(status.state()).isEqualTo(Supervisor.State.FAILED);
            assertThat(status.failure()).contains("ledger unavailable");
        });
    }

    @Test
    void a_repeated_task_keeps_running_after_a_failed_run_until_the_timer_stops() throws Exception {
        Supervisor.Timer timer = supervisor.timer("clock-ticker");
        CountDownLatch threeRuns = new CountDownLatch(3);
        timer.every(Duration.ofMillis(1), () -> {
            threeRuns.countDown();
            if (threeRuns.getCount() == 2) {
                throw new IllegalStateException("first run fails");
            }
        });
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();

        supervisor.close();

        assertThat(supervisor.loops()).extracting(Supervisor.Status::state).containsExactly(Supervisor.State.FAILED);
    }

    @Test
    void a_timer_stopped_without_a_failure_is_stopped_and_drops_what_was_not_due() throws Exception {
        Supervisor.Timer timer = supervisor.timer("delivery-timer");
        AtomicBoolean ran = new AtomicBoolean();
        timer.schedule(Duration.ofHours(1), () -> ran.set(true));

        supervisor.close();

        assertThat(ran).isFalse();
        assertThat(supervisor.loops()).extracting(Supervisor.Status::state).containsExactly(Supervisor.State.STOPPED);
    }
}
