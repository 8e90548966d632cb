package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.AttemptOutcome;
import dev.incidents.notifier.domain.RetrySchedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Delivers jobs with no head-of-line blocking: each destination has its own queue and at most {@code maxInFlight}
 * attempts under way, so a slow or dead receiver holds up only its own messages. A failed attempt is tried again on
 * the retry schedule; a receiver's Retry-After (429, 503) pauses its whole destination until then. Every outcome is
 * reported to the listener, which records it.
 */
public final class Dispatcher<M> {

    /** Where the dispatcher reports what became of each job. */
    public interface Listener<M> {
        void delivered(DeliveryJob<M> job, AttemptOutcome.Delivered outcome);

        void retrying(DeliveryJob<M> job, AttemptOutcome.Failed outcome, Instant nextAttemptAt);

        void failed(DeliveryJob<M> job, AttemptOutcome.Failed outcome);

        void dropped(DeliveryJob<M> job, AttemptOutcome.Dropped outcome);

        /** The job was not attempted: its source is another's now ({@link Gate.Verdict#LET_GO}); nothing to record. */
        default void letGo(DeliveryJob<M> job) {
        }
    }

    /** Whether a job may be attempted now, asked before each attempt (a retry's included). */
    public interface Gate<M> {
        /** SEND it; WAIT and ask again in a moment; or LET_GO of it, as another now answers for it. */
        enum Verdict { SEND, WAIT, LET_GO }

        Verdict check(DeliveryJob<M> job);
    }

    /** How long a job told to wait waits before the gate is asked again. */
    static final Duration GATE_RECHECK = Duration.ofSeconds(1);

    /** Runs a task at a given time; a scheduled executor in service, a hand-driven one in tests. */
    public interface Timer {
        void at(Instant when, Runnable task);
    }

    private final Function<DeliveryJob<M>, CompletableFuture<AttemptOutcome>> sender;
    private final Listener<M> listener;
    private final RetrySchedule schedule;
    private final Timer timer;
    private final Clock clock;
    private final DoubleSupplier random;
    private final int maxInFlight;
    private final Gate<M> gate;
    private final Map<String, Destination<M>> destinations = new ConcurrentHashMap<>();

    /** A dispatcher that attempts every job it is given. */
    public Dispatcher(Function<DeliveryJob<M>, CompletableFuture<AttemptOutcome>> sender, Listener<M> listener,
                      RetrySchedule schedule, Timer timer, Clock clock, DoubleSupplier random, int maxInFlight) {
        this(sender, listener, schedule, timer, clock, random, maxInFlight, job -> Gate.Verdict.SEND);
    }

    public Dispatcher(Function<DeliveryJob<M>, CompletableFuture<AttemptOutcome>> sender, Listener<M> listener,
                      RetrySchedule schedule, Timer timer, Clock clock, DoubleSupplier random, int maxInFlight,
                      Gate<M> gate) {
        this.gate = gate;
        this.sender = sender;
        this.listener = listener;
        this.schedule = schedule;
        this.timer = timer;
        this.clock = clock;
        this.random = random;
        this.maxInFlight = maxInFlight;
    }

    public void submit(DeliveryJob<M> job) {
        Destination<M> destination = destinations.compute(job.destination(), (key, known) -> {
            Destination<M> d = known == null ? new Destination<>() : known;
            synchronized (d) {
                d.queue.add(job);
            }
            return d;
        });
        pump(destination);
    }

    /** Attempts under way at a destination, for tests and metrics. */
    public int inFlight(String destination) {
        Destination<M> d = destinations.get(destination);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            return d.inFlight;
        }
    }

    private void pump(Destination<M> destination) {
        while (true) {
            DeliveryJob<M> job;
            synchronized (destination) {
                Instant now = clock.instant();
                if (destination.pausedUntil != null && now.isBefore(destination.pausedUntil)) {
                    return;
                }
                if (destination.inFlight >= maxInFlight || destination.queue.isEmpty()) {
                    return;
                }
                job = destination.queue.poll();
                destination.inFlight++;
            }
            Gate.Verdict verdict = gate.check(job);
            if (verdict == Gate.Verdict.SEND) {
                attempt(destination, job);
                continue;
            }
            synchronized (destination) {
                destination.inFlight--;
            }
            if (verdict == Gate.Verdict.WAIT) {
                timer.at(clock.instant().plus(GATE_RECHECK), () -> submit(job));
            } else {
                listener.letGo(job);
                forgetIfIdle(job.destination());
            }
        }
    }

    private void attempt(Destination<M> destination, DeliveryJob<M> job) {
        CompletableFuture<AttemptOutcome> attempt;
        try {
            attempt = sender.apply(job);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.completedFuture(new AttemptOutcome.Failed(
                    "could not be sent: " + e.getMessage(), 0, null));
        }
        attempt.whenComplete((outcome, error) -> finished(destination, job.afterAnotherAttempt(),
                error != null ? new AttemptOutcome.Failed("could not be sent: " + error.getMessage(), 0, null)
                        : outcome));
    }

    /**
     * The slot is given back only after the listener has recorded the outcome, so at most {@code maxInFlight}
     * messages per destination are ever sent but not yet recorded (what a crash can make go twice).
     */
    private void finished(Destination<M> destination, DeliveryJob<M> job, AttemptOutcome outcome) {
        try {
            report(destination, job, outcome);
        } finally {
            synchronized (destination) {
                destination.inFlight--;
            }
        }
        pump(destination);
        forgetIfIdle(job.destination());
    }

    /** A destination with nothing queued, under way or paused is dropped, so deleted subscriptions leave nothing. */
    private void forgetIfIdle(String key) {
        Instant now = clock.instant();
        destinations.computeIfPresent(key, (k, d) -> {
            synchronized (d) {
                boolean paused = d.pausedUntil != null && now.isBefore(d.pausedUntil);
                return d.queue.isEmpty() && d.inFlight == 0 && !paused ? null : d;
            }
        });
    }

    /** How many destinations are held (with something queued, under way or paused), for tests. */
    int destinationsHeld() {
        return destinations.size();
    }

    private void report(Destination<M> destination, DeliveryJob<M> job, AttemptOutcome outcome) {
        switch (outcome) {
            case AttemptOutcome.Delivered delivered -> listener.delivered(job, delivered);
            case AttemptOutcome.Dropped dropped -> listener.dropped(job, dropped);
            case AttemptOutcome.Failed failed -> failedAttempt(destination, job, failed);
        }
    }

    private void failedAttempt(Destination<M> destination, DeliveryJob<M> job, AttemptOutcome.Failed failed) {
        Instant now = clock.instant();
        if (failed.retryAfter() != null) {
            Instant until = now.plus(failed.retryAfter());
            synchronized (destination) {
                if (destination.pausedUntil == null || destination.pausedUntil.isBefore(until)) {
                    destination.pausedUntil = until;
                }
            }
            timer.at(until, () -> pump(destination));
        }
        Optional<Instant> next = schedule.nextAttempt(job.attemptsMade(), now, random.getAsDouble(),
                failed.retryAfter());
        if (next.isPresent()) {
            listener.retrying(job, failed, next.get());
            timer.at(next.get(), () -> submit(job));
        } else {
            listener.failed(job, failed);
        }
    }

    /** One receiver's waiting jobs, attempts under way and pause. Guarded by itself. */
    private static final class Destination<M> {
        private final Queue<DeliveryJob<M>> queue = new ArrayDeque<>();
        private int inFlight;
        private Instant pausedUntil;
    }
}
