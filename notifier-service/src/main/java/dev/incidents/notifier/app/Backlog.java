package dev.incidents.notifier.app;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How many messages each destination holds in this instance (queued, under way or waiting for a retry), and so
 * which outbox partitions to stop reading: a destination's messages all come from one partition (the outbox is keyed
 * by subscription), and a dead receiver must not fill memory with its backlog. A partition is paused while one of
 * its destinations holds {@code max} or more, and read again once all of them hold less than half of that. A
 * destination holding nothing is forgotten, so deleted subscriptions leave nothing behind.
 */
final class Backlog {

    /** What one destination holds, and the outbox partition its messages come from. */
    private record Held(TopicPartition home, int count) {
    }

    private final int max;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    Backlog(int max) {
        this.max = max;
    }

    void taken(String destination, TopicPartition partition) {
        held.merge(destination, new Held(partition, 1), (known, one) -> new Held(partition, known.count() + 1));
    }

    /** The dispatcher is done with one of the destination's messages (delivered, failed for good or dropped). */
    void released(String destination) {
        held.computeIfPresent(destination, (key, known) -> known.count() > 1
                ? new Held(known.home(), known.count() - 1) : null);
    }

    int held(String destination) {
        Held known = held.get(destination);
        return known == null ? 0 : known.count();
    }

    /** The partitions of destinations holding {@code max} or more. */
    Set<TopicPartition> full() {
        return holdingAtLeast(max);
    }

    /** Of the paused partitions, those none of whose destinations holds half of {@code max} or more. */
    Set<TopicPartition> drained(Set<TopicPartition> paused) {
        Set<TopicPartition> busy = holdingAtLeast((max + 1) / 2);
        return paused.stream().filter(partition -> !busy.contains(partition)).collect(Collectors.toSet());
    }

    private Set<TopicPartition> holdingAtLeast(int count) {
        return held.values().stream().filter(known -> known.count() >= count).map(Held::home)
                .collect(Collectors.toSet());
    }
}
