package dev.incidents.commands.kafka;

import dev.incidents.avro.CommandResult;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.kafka.StoreSweep;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The answers a decider gives: each goes to incident-command-results and, once decided, is kept by command id, so
 * that a retried command gets the same answer and is never applied twice. Each is remembered as long as the command topics keep commands, and a day more; an hourly wall-clock
 * punctuation forgets the older ones, so the store stays bounded.
 */
final class DecidedCommands {

    /** How long a decided command is remembered: the retention of the command topics and a day more. */
    static final Duration REMEMBER_DECIDED = Duration.ofMillis(IncidentTopic.INCIDENT_COMMANDS.retention()
            .retentionMs()).plusDays(1);
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, CommandResult> store;
    private final String resultsSink;
    private final Clock clock;

    /** @param resultsSink the processor's sink to incident-command-results */
    DecidedCommands(ProcessorContext<String, Object> context, String storeName, String resultsSink, Clock clock) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.resultsSink = resultsSink;
        this.clock = clock;
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, ignored -> forgetOldDecisions());
    }

    /** A full pass over the store: one an hour, against hours of commands, costs little. */
    private void forgetOldDecisions() {
        Instant before = clock.instant().minus(REMEMBER_DECIDED);
        StoreSweep.deleteWhere(store, decided -> decided.getDecidedAt().isBefore(before));
    }

    /**
     * Answers a command decided before again: the same answer for the same request, else {@code reused} (its id
     * was taken by another request).
     *
     * @return false when the command was not decided before (nothing is sent)
     */
    boolean answerAgain(Record<String, Object> record, String commandId, String requestFingerprint,
                        Supplier<CommandResult> reused) {
        CommandResult earlier = store.get(commandId);
        if (earlier == null) {
            return false;
        }
        answer(record, Objects.equals(earlier.getRequestFingerprint(), requestFingerprint) ? earlier : reused.get(),
                false);
        return true;
    }

    /**
     * Sends {@code result} as the answer to the command {@code record} carried, in its trace.
     *
     * @param remember whether it is a decision to give again to a retry (a replayed answer is kept already; a
     *                 monitor's report joining an incident runs on another task than its retry's first visit)
     */
    void answer(Record<String, Object> record, CommandResult result, boolean remember) {
        if (remember) {
            store.put(result.getCommandId(), result);
        }
        context.forward(record.withKey(result.getCommandId()).withValue((Object) result), resultsSink);
    }

    /** Derived from the command, so a command decided again after a crash yields the same event ids. */
    static String eventId(String commandId, int index) {
        return UUID.nameUUIDFromBytes((commandId + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
