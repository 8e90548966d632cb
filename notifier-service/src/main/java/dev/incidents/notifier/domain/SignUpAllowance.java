package dev.incidents.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many sign-ups a client address may make: {@code perAddress} in any {@code window} (a sliding window of the
 * sign-up times themselves). Addresses are kept in the order they were last seen, at most {@code addressesKept}: a
 * flood of new addresses pushes out the oldest, never grows without bound. Not thread-safe on its own: callers hold
 * its lock.
 */
public final class SignUpAllowance {

    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent;

    public SignUpAllowance(int perAddress, Duration window, int addressesKept) {
        if (perAddress < 1 || window.isNegative() || window.isZero() || addressesKept < 1) {
            throw new IllegalArgumentException("A sign-up allowance needs a positive count, window and memory");
        }
        this.perAddress = perAddress;
        this.window = window;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > addressesKept;
            }
        };
    }

    /** Takes one sign-up for the address at {@code now}; when none is left, how long until one is, taking nothing. */
    public Optional<Duration> take(String address, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(address, ignored -> new ArrayDeque<>());
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
        if (times.size() >= perAddress) {
            return Optional.of(Duration.between(cutoff, times.peekFirst()));
        }
        times.addLast(now);
        return Optional.empty();
    }
}
