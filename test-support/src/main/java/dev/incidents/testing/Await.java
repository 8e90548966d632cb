package dev.incidents.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for what the system under test does a moment later (a decision committed, a record read back, a process
 * answering): asks a probe every 100 ms until its answer is what the test waits for, within a patience. A probe
 * that throws (a connection refused while a service restarts) has not answered yet; the failure names the last
 * answer or error seen, so a test that waits in vain says why.
 */
public final class Await {

    private static final Duration EVERY = Duration.ofMillis(100);

    private Await() {
    }

    /** The first answer that is {@code done}; an AssertionError naming {@code what} if none comes in time. */
    public static <T> T until(String what, Duration patience, Supplier<T> probe, Predicate<? super T> done) {
        Attempt<T> last = poll(patience, probe, done);
        if (!last.done) {
            throw new AssertionError(what + " did not happen within " + patience + "; last answer: "
                    + (last.error != null ? last.error : last.answer), last.error);
        }
        return last.answer;
    }

    public static void until(String what, Duration patience, BooleanSupplier condition) {
        until(what, patience, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** The first answer that is {@code done}, or else the last one: for a test that asserts on it itself. */
    public static <T> T latest(Duration patience, Supplier<T> probe, Predicate<? super T> done) {
        Attempt<T> last = poll(patience, probe, done);
        if (last.error != null && !last.done) {
            throw new AssertionError("The last probe failed", last.error);
        }
        return last.answer;
    }

    private static <T> Attempt<T> poll(Duration patience, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Attempt<T> attempt = Attempt.of(probe, done);
            if (attempt.done || System.nanoTime() > deadline) {
                return attempt;
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting", e);
            }
        }
    }

    private record Attempt<T>(T answer, RuntimeException error, boolean done) {
        static <T> Attempt<T> of(Supplier<T> probe, Predicate<? super T> done) {
            try {
                T answer = probe.get();
                return new Attempt<>(answer, null, done.test(answer));
            } catch (RuntimeException e) {
                return new Attempt<>(null, e, false);
            }
        }
    }
}
