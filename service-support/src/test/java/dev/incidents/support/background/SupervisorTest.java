package dev.incidents.support.background;

import dev.incidents.testing.Await;
import dev.incidents.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock(T0);
    private final Supervisor supervisor = new Supervisor(clock,
            new Supervisor.Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));

    @AfterEach
    void stop() throws InterruptedException {
        supervisor.close();
    }

    @Test
    void a_loop_that_fails_is_reported_failed_with_its_cause_until_it_runs_again() throws Exception {
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        CountDownLatch recovered = new CountDownLatch(1);
        supervisor.start("follower", running -> {
            if (brokerDown.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            recovered.countDown();
            while (running.getAsBoolean()) {
                Thread.onSpinWait();
            }
        }, () -> { });

        Supervisor.Status failed = Await.until("the loop reported failed", PATIENCE, this::only,
                status -> status.state() == Supervisor.State.FAILED);
        assertThat(failed.name()).isEqualTo("follower");
        assertThat(failed.failure()).contains("broker unreachable");
        assertThat(failed.since()).isEqualTo(T0);

        brokerDown.set(false);

        assertThat(recovered.await(10, TimeUnit.SECONDS)).isTrue();
        Supervisor.Status running = only();
        assertThat(running.state()).isEqualTo(Supervisor.State.RUNNING);
        assertThat(running.failure()).isNull();
        assertThat(running.restarts()).isPositive();
    }

    @Test
    void the_wait_before_a_restart_doubles_per_failure_in_a_row_up_to_the_longest() {
        Supervisor.Backoff backoff = new Supervisor.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_loop_that_keeps_failing_is_started_again_and_again() {
        AtomicInteger runs = new AtomicInteger();
        supervisor.start("dispatch", running -> {
            runs.incrementAndGet();
            throw new IllegalStateException("commit failed");
        }, () -> { });

        Await.until("three runs", PATIENCE, () -> runs.get() >= 3);
        assertThat(only().restarts()).isGreaterThanOrEqualTo(2);
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
        assertThat(only().state()).isEqualTo(Supervisor.State.RUNNING);

        supervisor.close();

        assertThat(woken).isTrue();
        assertThat(only().state()).isEqualTo(Supervisor.State.STOPPED);
    }

    @Test
    void a_loop_waiting_to_start_again_stops_at_once_when_asked() throws Exception {
        Supervisor slow = new Supervisor(clock, new Supervisor.Backoff(Duration.ofHours(1), Duration.ofHours(1)));
        Supervisor.Handle loop = slow.start("follower", running -> {
            throw new IllegalStateException("broker unreachable");
        }, () -> { });
        Await.until("the loop failed", PATIENCE, () -> loop.status().state() == Supervisor.State.FAILED);

        long before = System.nanoTime();
        slow.close();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(loop.status().state()).isEqualTo(Supervisor.State.STOPPED);
    }

    @Test
    void a_timer_is_failed_after_a_task_throws_and_running_again_after_a_task_succeeds() throws Exception {
        Supervisor.Timer timer = supervisor.timer("delivery-timer");
        CountDownLatch failedTaskRan = new CountDownLatch(1);

        timer.schedule(Duration.ZERO, () -> {
            failedTaskRan.countDown();
            throw new IllegalStateException("ledger unavailable");
        });
        assertThat(failedTaskRan.await(10, TimeUnit.SECONDS)).isTrue();
        Supervisor.Status failed = Await.until("the timer reported failed", PATIENCE, this::only,
                status -> status.state() == Supervisor.State.FAILED);
        assertThat(failed.failure()).contains("ledger unavailable");

        CountDownLatch laterTaskRan = new CountDownLatch(1);
        timer.schedule(Duration.ZERO, laterTaskRan::countDown);

        assertThat(laterTaskRan.await(10, TimeUnit.SECONDS)).isTrue();
        Await.until("the timer running again", PATIENCE, () -> only().state() == Supervisor.State.RUNNING);
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

        assertThat(supervisor.loops()).extracting(Supervisor.Status::state).containsExactly(Supervisor.State.STOPPED);
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

    private Supervisor.Status only() {
        assertThat(supervisor.loops()).hasSize(1);
        return supervisor.loops().getFirst();
    }
}
