package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.AttemptOutcome;
import dev.incidents.notifier.domain.RetrySchedule;
import dev.incidents.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)),
            0.0);

    final MutableClock clock = new MutableClock(T0);
    final ManualTimer timer = new ManualTimer();
    final Map<String, List<CompletableFuture<AttemptOutcome>>> attempts = new HashMap<>();
    final List<String> log = new ArrayList<>();
    final Dispatcher<String> dispatcher = new Dispatcher<>(this::attempt, new LoggingListener(), SCHEDULE, timer,
            clock, () -> 0.5, 2);

    @Test
    void a_hanging_receiver_holds_only_its_own_slots_and_the_others_are_all_attempted() {
        for (int i = 0; i < 10; i++) {
            dispatcher.submit(job("dead-" + i, "dead-receiver"));
            dispatcher.submit(job("live-" + i, "live-receiver"));
        }
        List<CompletableFuture<AttemptOutcome>> live = attempts.get("live-receiver");
        for (int i = 0; i < live.size(); i++) { // each completion lets the next queued message go
            live.get(i).complete(new AttemptOutcome.Delivered(200));
        }

        assertThat(attempts.get("dead-receiver")).hasSize(2);
        assertThat(dispatcher.inFlight("dead-receiver")).isEqualTo(2);
        assertThat(log).filteredOn(line -> line.startsWith("delivered live-")).hasSize(10);
    }

    @Test
    void destinations_with_nothing_left_to_do_are_forgotten_and_a_waiting_one_is_kept() {
        for (int i = 0; i < 100; i++) {
            dispatcher.submit(job("m" + i, "receiver-" + i));
        }
        attempts.values().forEach(sent -> sent.getFirst().complete(new AttemptOutcome.Delivered(200)));
        dispatcher.submit(job("slow", "paused-receiver"));
        attempts.get("paused-receiver").getFirst()
                .complete(new AttemptOutcome.Failed("HTTP 429", 429, Duration.ofMinutes(1)));

        assertThat(dispatcher.destinationsHeld()).as("only the receiver that asked for a pause").isEqualTo(1);
    }

    @Test
    void a_failed_attempt_is_tried_again_on_schedule_and_then_delivered() {
        dispatcher.submit(job("m1", "r"));
        attempts.get("r").get(0).complete(new AttemptOutcome.Failed("HTTP 500", 500, null));

        assertThat(log).containsExactly("retrying m1 at " + T0.plusSeconds(5) + " (HTTP 500)");
        assertThat(attempts.get("r")).hasSize(1);

        clock.set(T0.plusSeconds(5));
        timer.runDue(clock.instant());
        attempts.get("r").get(1).complete(new AttemptOutcome.Delivered(204));

        assertThat(log).last().isEqualTo("delivered m1 after 2");
    }

    @Test
    void when_the_schedule_is_used_up_the_message_has_failed() {
        dispatcher.submit(job("m1", "r"));
        for (int i = 0; i < 3; i++) {
            attempts.get("r").get(i).complete(new AttemptOutcome.Failed("HTTP 502", 502, null));
            clock.set(clock.instant().plus(Duration.ofMinutes(5)));
            timer.runDue(clock.instant());
        }

        assertThat(attempts.get("r")).hasSize(3);
        assertThat(log).last().isEqualTo("failed m1 after 3");
    }

    @Test
    void a_receivers_retry_after_pauses_its_destination_and_only_its_destination() {
        dispatcher.submit(job("m1", "busy"));
        attempts.get("busy").get(0).complete(new AttemptOutcome.Failed("HTTP 429", 429, Duration.ofMinutes(2)));
        dispatcher.submit(job("m2", "busy"));
        dispatcher.submit(job("m3", "other"));

        assertThat(attempts.get("busy")).hasSize(1);
        assertThat(attempts.get("other")).hasSize(1);

        clock.set(T0.plus(Duration.ofMinutes(2)));
        timer.runDue(clock.instant());

        assertThat(attempts.get("busy")).hasSize(3);
        assertThat(log).first().isEqualTo("retrying m1 at " + T0.plus(Duration.ofMinutes(2)) + " (HTTP 429)");
    }

    @Test
    void a_sender_that_throws_is_a_failed_attempt_not_a_lost_message() {
        Dispatcher<String> throwing = new Dispatcher<>(job -> {
            throw new IllegalStateException("no secret");
        }, new Dispatcher.Listener<>() {
            @Override
            public void delivered(DeliveryJob<String> job, AttemptOutcome.Delivered outcome) {
                log.add("delivered");
            }

            @Override
            public void retrying(DeliveryJob<String> job, AttemptOutcome.Failed outcome, Instant next) {
                log.add("retrying: " + outcome.reason());
            }

            @Override
            public void failed(DeliveryJob<String> job, AttemptOutcome.Failed outcome) {
                log.add("failed");
            }

            @Override
            public void dropped(DeliveryJob<String> job, AttemptOutcome.Dropped outcome) {
                log.add("dropped");
            }
        }, SCHEDULE, timer, clock, () -> 0.5, 2);

        throwing.submit(job("m1", "r"));

        assertThat(log).containsExactly("retrying: could not be sent: no secret");
    }

    @Test
    void a_job_is_held_while_the_gate_says_wait_and_attempted_once_it_opens() {
        Map<String, Dispatcher.Gate.Verdict> verdicts = new HashMap<>(Map.of("m1", Dispatcher.Gate.Verdict.WAIT));
        Dispatcher<String> gated = gated(verdicts);

        gated.submit(job("m1", "r"));
        assertThat(attempts.get("r")).isNull();

        verdicts.put("m1", Dispatcher.Gate.Verdict.SEND);
        clock.set(T0.plus(Dispatcher.GATE_RECHECK));
        timer.runDue(clock.instant());

        assertThat(attempts.get("r")).hasSize(1);
    }

    @Test
    void a_retry_whose_source_went_to_another_instance_is_let_go_not_attempted_nor_recorded() {
        Map<String, Dispatcher.Gate.Verdict> verdicts = new HashMap<>(Map.of("m1", Dispatcher.Gate.Verdict.SEND));
        Dispatcher<String> gated = gated(verdicts);
        gated.submit(job("m1", "r"));
        attempts.get("r").getFirst().complete(new AttemptOutcome.Failed("HTTP 500", 500, null));

        verdicts.put("m1", Dispatcher.Gate.Verdict.LET_GO);
        clock.set(T0.plus(Duration.ofSeconds(5)));
        timer.runDue(clock.instant());

        assertThat(attempts.get("r")).hasSize(1);
        assertThat(log).containsExactly("retrying m1 at " + T0.plus(Duration.ofSeconds(5)) + " (HTTP 500)",
                "let go of m1");
        assertThat(gated.inFlight("r")).isZero();
    }

    private Dispatcher<String> gated(Map<String, Dispatcher.Gate.Verdict> verdicts) {
        return new Dispatcher<>(this::attempt, new LoggingListener(), SCHEDULE, timer, clock, () -> 0.5, 2,
                job -> verdicts.get(job.messageId()));
    }

    /** Writes what became of each job to the test's log. */
    final class LoggingListener implements Dispatcher.Listener<String> {
        @Override
        public void delivered(DeliveryJob<String> job, AttemptOutcome.Delivered outcome) {
            log.add("delivered " + job.messageId() + " after " + job.attemptsMade());
        }

        @Override
        public void retrying(DeliveryJob<String> job, AttemptOutcome.Failed outcome, Instant next) {
            log.add("retrying " + job.messageId() + " at " + next + " (" + outcome.reason() + ")");
        }

        @Override
        public void failed(DeliveryJob<String> job, AttemptOutcome.Failed outcome) {
            log.add("failed " + job.messageId() + " after " + job.attemptsMade());
        }

        @Override
        public void dropped(DeliveryJob<String> job, AttemptOutcome.Dropped outcome) {
            log.add("dropped " + job.messageId());
        }

        @Override
        public void letGo(DeliveryJob<String> job) {
            log.add("let go of " + job.messageId());
        }
    }

    private CompletableFuture<AttemptOutcome> attempt(DeliveryJob<String> job) {
        CompletableFuture<AttemptOutcome> attempt = new CompletableFuture<>();
        attempts.computeIfAbsent(job.destination(), key -> new ArrayList<>()).add(attempt);
        return attempt;
    }

    private static DeliveryJob<String> job(String id, String destination) {
        return new DeliveryJob<>(id, destination, "body of " + id, 0);
    }

    /** Runs scheduled tasks when the test says the time has come. */
    static final class ManualTimer implements Dispatcher.Timer {
        private final TreeMap<Instant, List<Runnable>> tasks = new TreeMap<>();

        @Override
        public synchronized void at(Instant when, Runnable task) {
            tasks.computeIfAbsent(when, key -> new ArrayList<>()).add(task);
        }

        void runDue(Instant now) {
            while (true) {
                List<Runnable> due;
                synchronized (this) {
                    if (tasks.isEmpty() || tasks.firstKey().isAfter(now)) {
                        return;
                    }
                    due = tasks.pollFirstEntry().getValue();
                }
                due.forEach(Runnable::run);
            }
        }
    }
}
