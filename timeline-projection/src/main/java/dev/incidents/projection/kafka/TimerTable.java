package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.Timer;
import dev.incidents.support.tracing.TraceHeaders;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A store of timers sorted by due time ({@link TimerKeys}), each keeping the trace context of what set it, so the
 * detection it fires joins the trace of the promise or plan it watches. A view's timers move by the difference of
 * its plan before and after a change.
 */
final class TimerTable {

    private static final byte[] NO_TRACE = new byte[0];

    /** A due timer and the trace of the record that set it. */
    record DueTimer(Timer timer, Context trace) {
    }

    private final KeyValueStore<Bytes, byte[]> timers;

    TimerTable(KeyValueStore<Bytes, byte[]> timers) {
        this.timers = timers;
    }

    /** Every timer due at or before {@code instant}, earliest first; the scan reads nothing that is not due. */
    List<DueTimer> dueBy(Instant instant) {
        List<DueTimer> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = timers.range(TimerKeys.first(), TimerKeys.dueBy(instant))) {
            iterator.forEachRemaining(entry -> due.add(new DueTimer(TimerKeys.timer(entry.key), trace(entry.value))));
        }
        return due;
    }

    void remove(Timer timer) {
        timers.delete(TimerKeys.of(timer));
    }

    /** Removes the timers of {@code before} that {@code after} no longer has and adds its new ones, set by trace. */
    void reschedule(List<Timer> before, List<Timer> after, Headers trace) {
        Set<Timer> planned = new HashSet<>(after);
        for (Timer old : before) {
            if (!planned.remove(old)) {
                remove(old);
            }
        }
        Header traceparent = trace.lastHeader(TraceHeaders.TRACEPARENT);
        byte[] setBy = traceparent == null ? NO_TRACE : traceparent.value();
        timers.putAll(planned.stream().map(timer -> KeyValue.pair(TimerKeys.of(timer), setBy)).toList());
    }

    private static Context trace(byte[] traceparent) {
        return traceparent.length == 0 ? Context.root()
                : TraceHeaders.extract(new RecordHeaders().add(TraceHeaders.TRACEPARENT, traceparent));
    }
}
