package dev.incidents.support.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Runs the background loops of a service (topic followers, the outbox dispatch) on named threads of their own and
 * keeps the state of each: a loop that ends by an error is logged once with its cause and stays FAILED, for health
 * checks to read in {@link #loops()}, instead of a thread dying quietly; every loop stops in one place.
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

    private final Clock clock;
    private final List<Handle> handles = new CopyOnWriteArrayList<>();

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
        handles.add(handle);
        handle.thread.start();
        return handle;
    }

    public List<Status> loops() {
        return handles.stream().map(Handle::status).toList();
    }

    /** Stops every loop still running, each given up to 10 s to finish what it holds. */
    @Override
    public void close() throws InterruptedException {
        for (Handle handle : handles) {
            handle.close();
        }
    }

    /** One supervised loop. */
    public final class Handle implements AutoCloseable {
        private final Thread thread;
        private final Runnable wake;
        private volatile boolean running = true;
        private volatile Status status;

        private Handle(String name, Loop loop, Runnable wake) {
            this.wake = wake;
            this.status = new Status(name, State.RUNNING, clock.instant(), null);
            this.thread = new Thread(() -> run(name, loop), name);
            thread.setDaemon(true);
        }

        private void run(String name, Loop loop) {
            try {
                loop.run(() -> running);
                status = new Status(name, State.STOPPED, clock.instant(), null);
            } catch (Exception | Error e) {
                LOG.error("Background loop {} stopped by an error; it does no more work until restarted", name, e);
                status = new Status(name, State.FAILED, clock.instant(), e.toString());
            }
        }

        public Status status() {
            return status;
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
}
