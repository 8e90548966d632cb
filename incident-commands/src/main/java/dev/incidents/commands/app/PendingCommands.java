package dev.incidents.commands.app;

import dev.incidents.avro.CommandResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Requests waiting for their decision, and the latest result seen per command id (bounded, most recent kept) to
 * answer GET /commands/{id}. A waiter is matched on command id and request fingerprint: a retry with the same
 * idempotency key but another body must get its own answer, not the first request's.
 */
@ApplicationScoped
public class PendingCommands {

    private final Map<String, CompletableFuture<CommandResult>> waiting = new LinkedHashMap<>();
    private final Map<String, CommandResult> latest;

    @Inject
    PendingCommands(IncidentsConfig config) {
        this(config.resultCacheSize());
    }

    /** @param capacity how many recent results are kept for GET /commands/{id} */
    PendingCommands(int capacity) {
        this.latest = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Registers interest before the command is sent, so a fast answer is never missed. */
    public synchronized CompletableFuture<CommandResult> await(String commandId, String fingerprint) {
        return waiting.computeIfAbsent(key(commandId, fingerprint), k -> new CompletableFuture<>());
    }

    /** Forgets a waiter whose request gave up (timeout), keeping the map bounded by requests in flight. */
    public synchronized void abandon(String commandId, String fingerprint) {
        waiting.remove(key(commandId, fingerprint));
    }

    synchronized void complete(CommandResult result) {
        latest.put(result.getCommandId(), result);
        CompletableFuture<CommandResult> waiter = waiting.remove(key(result.getCommandId(),
                result.getRequestFingerprint()));
        if (waiter != null) {
            waiter.complete(result);
        }
    }

    /** Empty when not decided yet or unknown here; {@link #isWaiting} tells which. */
    public synchronized Optional<CommandResult> find(String commandId) {
        return Optional.ofNullable(latest.get(commandId));
    }

    public synchronized boolean isWaiting(String commandId) {
        return waiting.keySet().stream().anyMatch(key -> key.startsWith(commandId + "|"));
    }

    private static String key(String commandId, String fingerprint) {
        return commandId + "|" + fingerprint;
    }
}
