package dev.incidents.projection.kafka;

import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How far a task may fire timers: up to the wall clock, but never past what its events are known to be read to.
 * Event topics and the clock ticks carry the broker's append time and are read side by side in timestamp order, so
 * the task's stream time, less a settle time for transactions still committing, is how far its events are read.
 */
final class FiringHorizon {

    private FiringHorizon() {
    }

    /**
     * Fires every timer due within the horizon, until none is: firing one may schedule another that is due already
     * (overdue, then still so).
     *
     * @param dueBy the timers due at or before an instant, earliest first
     * @param fire  fires one timer at the wall-clock instant given
     */
    static void fireDue(ProcessorContext<?, ?> context, Duration settleTime,
                        Function<Instant, List<TimerTable.DueTimer>> dueBy,
                        BiConsumer<TimerTable.DueTimer, Instant> fire) {
        of(context, settleTime).ifPresent(firingUpTo -> {
            Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            for (var due = dueBy.apply(firingUpTo); !due.isEmpty(); due = dueBy.apply(firingUpTo)) {
                due.forEach(timer -> fire.accept(timer, now));
            }
        });
    }

    /** @return the instant up to which timers may fire; empty while nothing is read (nothing is known missed) */
    static Optional<Instant> of(ProcessorContext<?, ?> context, Duration settleTime) {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return Optional.empty();
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Instant eventsRead = Instant.ofEpochMilli(streamTime).minus(settleTime);
        return Optional.of(now.isBefore(eventsRead) ? now : eventsRead);
    }
}
