package dev.incidents.support.table;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** How far a follower has read each partition, and a wait until it has read past a given record. */
final class PositionTracker {

    private final Map<TopicPartition, Long> positions = new HashMap<>();

    synchronized void reached(Map<TopicPartition, Long> latest) {
        positions.putAll(latest);
        notifyAll();
    }

    synchronized boolean hasRead(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(o -> positions.getOrDefault(o.getKey(), 0L) >= o.getValue());
    }

    /** True once every offset below {@code offsets}' values is read, false if that takes longer than the timeout. */
    synchronized boolean awaitRead(Map<TopicPartition, Long> offsets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasRead(offsets)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
