package dev.incidents.notifier.app;

import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many messages each destination holds in this instance (queued, under way or waiting for a retry), and so
 * which outbox partitions to stop reading: a destination's messages all come from one partition (the outbox is keyed
 * by subscription), and a dead receiver must not fill memory with its backlog. A partition is paused while one of
 * its destinations holds {@code max} or more, and read again once all of them hold less than half of that. A
 * destination holding nothing is forgotten, so deleted subscriptions leave nothing behind.
 */
final class Backlog {

    private final int max;
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, TopicPartition> home = new HashMap<>();

    Backlog(int max) {
        this.max = max;
    }

    synchronized void taken(String destination, TopicPartition partition) {
        home.put(destination, partition);
        held.merge(destination, 1, Integer::sum);
    }

    /** The dispatcher is done with one of the destination's messages (delivered, failed for good or dropped). */
    synchronized void released(String destination) {
        if (held.computeIfPresent(destination, (key, count) -> count > 1 ? count - 1 : null) == null) {
            home.remove(destination);
        }
    }

    synchronized int held(String destination) {
        return held.getOrDefault(destination, 0);
    }

    /** The partitions of destinations holding {@code max} or more. */
    synchronized Set<TopicPartition> full() {
        return held.entrySet().stream().filter(entry -> entry.getValue() >= max)
                .map(entry -> home.get(entry.getKey())).collect(Collectors.toSet());
    }

    /** Of the paused partitions, those none of whose destinations holds half of {@code max} or more. */
    synchronized Set<TopicPartition> drained(Set<TopicPartition> paused) {
        Set<TopicPartition> busy = held.entrySet().stream().filter(entry -> entry.getValue() >= (max + 1) / 2)
                .map(entry -> home.get(entry.getKey())).collect(Collectors.toSet());
        return paused.stream().filter(partition -> !busy.contains(partition)).collect(Collectors.toSet());
    }
}
