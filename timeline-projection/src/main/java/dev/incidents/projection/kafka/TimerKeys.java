package dev.incidents.projection.kafka;

import dev.incidents.projection.domain.Timer;
import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Timer store keys that sort by due time: 8 bytes of due epoch millis (big-endian), then the deadline, the kind and
 * the incident id, and for a corrective action's timer a zero byte and the action's id (neither id holds a zero
 * byte). A range scan up to "now" reads exactly the timers that are due, however many are scheduled.
 */
final class TimerKeys {

    private static final String ACTION_SEPARATOR = "\0";

    private TimerKeys() {
    }

    static Bytes of(Timer timer) {
        byte[] id = timer.subjectId().getBytes(StandardCharsets.UTF_8);
        byte[] action = timer.actionId() == null ? new byte[0]
                : (ACTION_SEPARATOR + timer.actionId()).getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + 8 + 1 + id.length + action.length)
                .putLong(timer.dueAt().toEpochMilli())
                .putLong(timer.deadline().toEpochMilli())
                .put(timer.kind().storedCode())
                .put(id)
                .put(action)
                .array());
    }

    static Timer timer(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        Instant dueAt = Instant.ofEpochMilli(buffer.getLong());
        Instant deadline = Instant.ofEpochMilli(buffer.getLong());
        Timer.Kind kind = Timer.Kind.ofStoredCode(buffer.get());
        byte[] ids = new byte[buffer.remaining()];
        buffer.get(ids);
        String[] incidentAndAction = new String(ids, StandardCharsets.UTF_8).split(ACTION_SEPARATOR, 2);
        return new Timer(dueAt, incidentAndAction[0], kind, deadline,
                incidentAndAction.length == 2 ? incidentAndAction[1] : null);
    }

    /** Sorts after every key due at or before {@code now}. */
    static Bytes dueBy(Instant now) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(now.toEpochMilli() + 1).array());
    }

    static Bytes first() {
        return Bytes.wrap(new byte[8]);
    }
}
