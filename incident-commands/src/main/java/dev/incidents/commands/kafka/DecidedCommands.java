package dev.incidents.commands.kafka;

import dev.incidents.avro.CommandResult;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.kafka.StoreSweep;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The answers a decider gave, by command id, so that a retried command gets the same answer and is never applied
 * twice. Each is remembered as long as the command topics keep commands, and a day more; an hourly wall-clock
 * punctuation forgets the older ones, so the store stays bounded.
 */
final class DecidedCommands {

    /** How long a decided command is remembered: the retention of the command topics and a day more. */
    static final Duration REMEMBER_DECIDED = Duration.ofMillis(IncidentTopic.INCIDENT_COMMANDS.retention()
            .retentionMs()).plusDays(1);
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final KeyValueStore<String, CommandResult> store;
    private final Clock clock;

    DecidedCommands(ProcessorContext<?, ?> context, String storeName, Clock clock) {
        this.store = context.getStateStore(storeName);
        this.clock = clock;
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, ignored -> forgetOldDecisions());
    }

    /** A full pass over the store: one an hour, against hours of commands, costs little. */
    private void forgetOldDecisions() {
        Instant before = clock.instant().minus(REMEMBER_DECIDED);
        StoreSweep.deleteWhere(store, decided -> decided.getDecidedAt().isBefore(before));
    }

    Optional<CommandResult> earlier(String commandId) {
        return Optional.ofNullable(store.get(commandId));
    }

    /** The answer to a command decided before: the same one for the same request, else {@code reused}. */
    static CommandResult replay(CommandResult earlier, String requestFingerprint, CommandResult reused) {
        return Objects.equals(earlier.getRequestFingerprint(), requestFingerprint) ? earlier : reused;
    }

    void remember(CommandResult result) {
        store.put(result.getCommandId(), result);
    }

    /** Derived from the command, so a command decided again after a crash yields the same event ids. */
    static String eventId(String commandId, int index) {
        return UUID.nameUUIDFromBytes((commandId + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
