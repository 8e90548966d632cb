package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    static final Instant FAILED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void the_default_schedule_keeps_trying_for_more_than_a_day_even_with_the_shortest_jitter() {
        assertThat(RetrySchedule.DEFAULT.shortestSpan()).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void each_retry_waits_its_delay_stretched_or_shrunk_by_at_most_the_jitter() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(5)), 0.1);

        assertThat(schedule.nextAttempt(1, FAILED, 0.5, null)).contains(FAILED.plusSeconds(10));
        assertThat(schedule.nextAttempt(1, FAILED, 0.0, null)).contains(FAILED.plusSeconds(9));
        assertThat(schedule.nextAttempt(1, FAILED, 0.999999, null)).hasValueSatisfying(at ->
                assertThat(at).isBetween(FAILED.plusMillis(10_999), FAILED.plusSeconds(11)));
        assertThat(schedule.nextAttempt(2, FAILED, 0.5, null)).contains(FAILED.plus(Duration.ofMinutes(5)));
    }

    @Test
    void when_the_schedule_is_used_up_there_is_no_next_attempt() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10)), 0.1);

        assertThat(schedule.nextAttempt(2, FAILED, 0.5, null)).isEmpty();
    }

    @Test
    void a_receiver_asking_to_wait_longer_is_obeyed_and_a_shorter_ask_is_not() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10)), 0.0);

        assertThat(schedule.nextAttempt(1, FAILED, 0.5, Duration.ofMinutes(2)))
                .contains(FAILED.plus(Duration.ofMinutes(2)));
        assertThat(schedule.nextAttempt(1, FAILED, 0.5, Duration.ofSeconds(1))).contains(FAILED.plusSeconds(10));
    }
}
