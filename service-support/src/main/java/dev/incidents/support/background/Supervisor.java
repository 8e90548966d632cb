package dev.incidents.support.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the background work of a service on named threads of its own and keeps the state of each piece: the loops
 * (topic followers, the outbox dispatch) and the timers (clock ticks, delivery retries). Work that ends by an error
 * is logged once with its cause and stays FAILED, for health checks to read in {@link #loops()}, instead of a
 * thread dying quietly or an executor keeping the exception in a future nobody reads; everything stops in one place.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    public enum State { RUNNING, STOPPED, FAILED }

    /** @param failure why a FAILED loop ended, else null */
    public record Status(String name, State state, Instant since, String failure) {
    }

    /** A loop's body: it runs while {@code running.getAsBoolean()} holds, and returns when it turns false. */
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
            this.status = new Status(name, State.RUNNING, clock.instant(), null);
        }

        public Status status() {
            return status;
        }

        void stopped() {
            if (status.state() == State.RUNNING) {
                status = new Status(name, State.STOPPED, clock.instant(), null);
            }
        }

        void failed(String what, Throwable cause) {
            LOG.error("{} {}", name, what, cause);
            status = new Status(name, State.FAILED, clock.instant(), cause.toString());
        }

        abstract void close() throws InterruptedException;
    }

    private final Clock clock;
    private final List<Work> supervised = new CopyOnWriteArrayList<>();

    public Supervisor(Clock clock) {
        this.clock = clock;
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

    /** One supervised loop. */
    public final class Handle extends Work implements AutoCloseable {
        private final Thread thread;
        private final Runnable wake;
        private volatile boolean running = true;

        private Handle(String name, Loop loop, Runnable wake) {
            super(name);
            this.wake = wake;
            this.thread = new Thread(() -> run(loop), name);
            thread.setDaemon(true);
        }

        private void run(Loop loop) {
            try {
                loop.run(() -> running);
                stopped();
            } catch (Exception | Error e) {
                failed("(a background loop) stopped by an error; it does no more work until restarted", e);
            }
        }

        /** Asks the loop to stop, wakes it, and waits for it to finish; once, however often it is called. */
        @Override
        public synchronized void close() throws InterruptedException {
            if (!running) {
                return;
            }
            running = false;
            wake.run();
            thread.join(STOP_PATIENCE.toMillis());
        }
    }

    /**
     * Runs tasks when they are due, one at a time. A task that throws is logged and leaves the timer FAILED (the
     * work it stood for, a retry or a tick, did not happen), while later tasks still run.
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
            executor.scheduleWithFixedDelay(() -> guarded(task), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void guarded(Runnable task) {
            try {
                task.run();
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
