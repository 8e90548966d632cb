package dev.incidents.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after each delay of the schedule in turn (by default 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h: about 27.6 hours in all), each stretched or shrunk at random by up to {@code jitter} so that
 * receivers coming back are not hit by every sender at once, and never before a receiver's Retry-After. When the
 * schedule is used up the message has failed.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.1);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /**
     * The next attempt after {@code attemptsMade} failed ones, or empty when none is left.
     *
     * @param random     uniform in [0, 1), from the caller so that tests choose it
     * @param retryAfter what the receiver asked for (429 or 503 with Retry-After), or null
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt, double random, Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade - 1);
        long stretched = Math.round(delay.toMillis() * (1 + jitter * (2 * random - 1)));
        Duration wait = Duration.ofMillis(stretched);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return Optional.of(failedAt.plus(wait));
    }

    /** The shortest time from the first failure to the last attempt, with every delay shrunk by the full jitter. */
    public Duration shortestSpan() {
        return Duration.ofMillis(Math.round(delays.stream().mapToLong(Duration::toMillis).sum() * (1 - jitter)));
    }
}
