package dev.incidents.commands.app;

import dev.incidents.avro.CommandResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Results this instance has seen or is waiting for, by command id: a bounded, most-recent-first memory that
 * completes waiting requests and answers GET /commands/{id}.
 */
@ApplicationScoped
public class PendingCommands {

    private final Map<String, CompletableFuture<CommandResult>> byCommandId;

    PendingCommands(IncidentsConfig config) {
        int capacity = config.resultCacheSize();
        this.byCommandId = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CommandResult>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Registers interest before the command is sent, so a fast answer is never missed. */
    public synchronized CompletableFuture<CommandResult> await(String commandId) {
        return byCommandId.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    synchronized void complete(CommandResult result) {
        CompletableFuture<CommandResult> future = byCommandId.get(result.getCommandId());
        if (future == null || future.isDone()) {
            byCommandId.put(result.getCommandId(), CompletableFuture.completedFuture(result));
        } else {
            future.complete(result);
        }
    }

    /** Empty when unknown here; a present but unfinished future means sent and not yet decided. */
    public synchronized Optional<CompletableFuture<CommandResult>> find(String commandId) {
        return Optional.ofNullable(byCommandId.get(commandId));
    }
}
