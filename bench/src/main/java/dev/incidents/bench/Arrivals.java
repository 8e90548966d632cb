package dev.incidents.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When things about an incident arrived somewhere (a webhook at a receiver, a state change on the live stream),
 * beside when the command about it was accepted (its 201): the latency from acceptance to arrival. An arrival may
 * come before the 201 reaches the client that sent the command; it then counts as 0 ms.
 */
final class Arrivals {

    private final Map<String, ConcurrentLinkedQueue<Long>> arrivedNanos = new ConcurrentHashMap<>();

    /** A command about an incident: when it was sent and when its 201 came back. */
    record Command(String incident, long sentNanos, long acceptedNanos) {
    }

    void arrived(String incident, long nanos) {
        arrivedNanos.computeIfAbsent(incident, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    /** Whether each command has had {@code expected} arrivals about its incident since it was sent. */
    boolean complete(List<Command> commands, int expected) {
        return commands.stream().allMatch(command -> since(command).size() >= expected);
    }

    /**
     * Acceptance to arrival in microseconds: for each command, the first {@code expected} arrivals about its
     * incident since it was sent (an earlier one belongs to an earlier command on the same incident).
     */
    Latencies of(List<Command> commands, int expected) {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long missing = 0;
        for (Command command : commands) {
            List<Long> arrived = since(command).stream().limit(expected).toList();
            missing += expected - arrived.size();
            arrived.forEach(nanos -> micros.recordValue(Math.max(0, nanos - command.acceptedNanos()) / 1000));
        }
        return new Latencies(micros, missing);
    }

    private List<Long> since(Command command) {
        return arrivedNanos.getOrDefault(command.incident(), new ConcurrentLinkedQueue<>()).stream()
                .filter(nanos -> nanos >= command.sentNanos()).sorted().toList();
    }

    /** A latency distribution, and how many expected arrivals never came. */
    record Latencies(Histogram micros, long missing) {

        String line(String phase) {
            return String.format("%-52s %7d arrivals   p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   max %8.1f ms"
                            + "   missing %d", phase, micros.getTotalCount(), millis(50), millis(90), millis(99),
                    micros.getMaxValue() / 1000.0, missing);
        }

        double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }
}
