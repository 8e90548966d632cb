package dev.incidents.support.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the background work of a service on named threads of its own and keeps the state of each piece: the loops
 * (topic followers, the outbox dispatch) and the timers (clock ticks, delivery retries). A loop that ends by an
 * error is logged with its cause, reported FAILED (for readiness to name it) and started again after a backoff that
 * doubles up to a limit; a timer is FAILED from a failed task until a later task succeeds. Nothing dies quietly,
 * and everything stops in one place.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    /** FAILED: down now; a loop waits to be started again, a timer's latest task failed. */
    public enum State { RUNNING, STOPPED, FAILED }

    /**
     * @param failure  why it is FAILED, else null
     * @param restarts how often a loop was started again after a failure
     */
    public record Status(String name, State state, Instant since, String failure, int restarts) {
    }

    /** How long a failed loop waits before it starts again: {@code first}, doubled per failure up to {@code longest}. */
    public record Backoff(Duration first, Duration longest) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

        /** The wait after the {@code failures}th failure in a row (1 for the first). */
        public Duration after(int failures) {
            long millis = first.toMillis() << Math.min(20, Math.max(0, failures - 1));
            return Duration.ofMillis(Math.min(millis, longest.toMillis()));
        }
    }

    /**
     * A loop's body: it runs while {@code running.getAsBoolean()} holds, and returns when it turns false. After a
     * failure it is run again, so it opens what it needs (a consumer) each time it starts.
     */
    @FunctionalInterface
    public interface Loop {
        void run(BooleanSupplier running) throws Exception;
    }

    /** A piece of supervised work and its state. */
    public abstract sealed class Work permits Handle, Timer {
        final String name;
        private volatile Status status;

        private Work(String name) {
            this.name = name;
            this.status = new Status(name, State.RUNNING, clock.instant(), null, 0);
        }

        public Status status() {
            return status;
        }

        void stopped() {
            if (status.state() != State.STOPPED) {
                status = new Status(name, State.STOPPED, clock.instant(), null, status.restarts());
            }
        }

        /**
         * Reports this work down for {@code cause}, logged as {@code what} with the cause when it goes down (while
         * it stays down, at debug level only); a later {@link #recovered} clears it.
         */
        public void failed(String what, Throwable cause) {
            Status now = status;
            if (now.state() == State.FAILED && now.failure().equals(cause.toString())) {
                LOG.debug("{} {}", name, what, cause);
            } else {
                LOG.error("{} {}", name, what, cause);
            }
            Instant since = now.state() == State.FAILED ? now.since() : clock.instant();
            status = new Status(name, State.FAILED, since, cause.toString(), now.restarts());
        }

        /** Reports this work running again after a failure. */
        public void recovered() {
            Status now = status;
            if (now.state() == State.FAILED) {
                LOG.info("{} works again after {}", name, now.failure());
                status = new Status(name, State.RUNNING, clock.instant(), null, now.restarts());
            }
        }

        void restarted() {
            Status now = status;
            status = new Status(name, State.RUNNING, clock.instant(), null, now.restarts() + 1);
        }

        abstract void close() throws InterruptedException;
    }

    private final Clock clock;
    private final Backoff backoff;
    private final List<Work> supervised = new CopyOnWriteArrayList<>();

    public Supervisor(Clock clock, Backoff backoff) {
        this.clock = clock;
        this.backoff = backoff;
    }

    public Supervisor(Clock clock) {
        this(clock, Backoff.DEFAULT);
    }

    /**
     * Starts a loop on a thread named {@code name}.
     *
     * @param wake makes a loop blocked in a wait return at once (a consumer's wakeup) when it is asked to stop
     */
    public Handle start(String name, Loop loop, Runnable wake) {
        Handle handle = new Handle(name, loop, wake);
        supervised.add(handle);
        handle.thread.start();
        return handle;
    }

    /** A timer on a thread named {@code name}, for work due later or repeatedly. */
    public Timer timer(String name) {
        Timer timer = new Timer(name);
        supervised.add(timer);
        return timer;
    }

    public List<Status> loops() {
        return supervised.stream().map(Work::status).toList();
    }

    /** Stops all the work still running, each piece given up to 10 s to finish what it holds. */
    @Override
    public void close() throws InterruptedException {
        for (Work work : supervised) {
            work.close();
        }
    }

    /** One supervised loop, started again after each failure until it is closed. */
    public final class Handle extends Work implements AutoCloseable {
        private final Thread thread;
        private final Runnable wake;
        private final CountDownLatch stopAsked = new CountDownLatch(1);
        private volatile boolean running = true;

        private Handle(String name, Loop loop, Runnable wake) {
            super(name);
            this.wake = wake;
            this.thread = new Thread(() -> supervise(loop), name);
            thread.setDaemon(true);
        }

        private void supervise(Loop loop) {
            int failures = 0;
            while (running) {
                Instant began = clock.instant();
                try {
                    loop.run(() -> running);
                    break;
                } catch (Exception | Error e) {
                    if (!running) {
                        break;
                    }
                    boolean ranLong = Duration.between(began, clock.instant()).compareTo(backoff.longest()) > 0;
                    failures = ranLong ? 1 : failures + 1;
                    Duration wait = backoff.after(failures);
                    failed("(a background loop) stopped by an error; it starts again in " + wait, e);
                    if (!waitBeforeRestart(wait)) {
                        break;
                    }
                    restarted();
                }
            }
            stopped();
        }

        private boolean waitBeforeRestart(Duration wait) {
            try {
                return !stopAsked.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Asks the loop to stop, wakes it, and waits for it to finish; once, however often it is called. */
        @Override
        public synchronized void close() throws InterruptedException {
            if (!running) {
                return;
            }
            running = false;
            stopAsked.countDown();
            wake.run();
            thread.join(STOP_PATIENCE.toMillis());
        }
    }

    /**
     * Runs tasks when they are due, one at a time. A task that throws is logged and leaves the timer FAILED (the
     * work it stood for, a retry or a tick, did not happen) until a later task succeeds; later tasks still run.
     */
    public final class Timer extends Work {
        private final ScheduledThreadPoolExecutor executor;

        private Timer(String name) {
            super(name);
            this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        /** Runs {@code task} once, after {@code delay} (at once if it is not positive). */
        public void schedule(Duration delay, Runnable task) {
            executor.schedule(() -> guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }

        /** Runs {@code task} now and then again {@code interval} after each run ends, until the timer stops. */
        public void every(Duration interval, Runnable task) {
            every(Duration.ZERO, interval, task);
        }

        /** Runs {@code task} after {@code first}, then again {@code interval} after each run ends. */
        public void every(Duration first, Duration interval, Runnable task) {
            executor.scheduleWithFixedDelay(() -> guarded(task), first.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void guarded(Runnable task) {
            try {
                task.run();
                recovered();
            } catch (RuntimeException | Error e) {
                failed("(a timer): a task failed; the work it stood for did not happen", e);
            }
        }

        /** Drops the tasks not yet due and waits up to 10 s for the one running. */
        @Override
        public synchronized void close() throws InterruptedException {
            if (executor.isShutdown()) {
                return;
            }
            executor.shutdownNow();
            executor.awaitTermination(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            stopped();
        }
    }
}
