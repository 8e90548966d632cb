package dev.incidents.notifier.app;

import java.util.TreeSet;

/**
 * Which outbox offsets of one partition are still being delivered, so that the committed offset never passes a
 * message that is not settled: after a restart, reading resumes at the first unsettled one.
 */
final class PartitionProgress {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    synchronized void started(long offset) {
        pending.add(offset);
        next = Math.max(next, offset + 1);
    }

    synchronized void settled(long offset) {
        pending.remove(offset);
    }

    /** The offset to commit (the first unsettled one, or past the last seen) if it moved since the last commit. */
    synchronized long uncommitted() {
        long committable = pending.isEmpty() ? next : pending.first();
        return committable >= 0 && committable != committed ? committable : -1;
    }

    synchronized void committed(long offset) {
        committed = offset;
    }
}
