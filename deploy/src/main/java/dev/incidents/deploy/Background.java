package dev.incidents.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starting parts side by side: a server that takes long to start (Keycloak, the registry, a service) starts on a
 * thread of its own while the caller starts the next one, and the caller gets back what the start threw, unwrapped.
 */
public final class Background {

    private Background() {
    }

    /** A start that may throw what a start throws. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    /** Runs {@code step} on a virtual thread of its own. */
    public static <T> CompletableFuture<T> start(Step<T> step) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, runnable -> Thread.ofVirtual().name("background-start").start(runnable));
    }

    /** The step's result, or what it threw. */
    public static <T> T await(CompletableFuture<T> step) throws Exception {
        try {
            return step.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Waits for the step to end, whatever its outcome: so that a part it started can still be stopped. */
    public static void settle(CompletableFuture<?> step) {
        step.exceptionally(failure -> null).join();
    }
}
