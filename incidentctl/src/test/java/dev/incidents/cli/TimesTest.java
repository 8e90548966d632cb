package dev.incidents.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The times a responder types, read against a fixed clock in the terminal's zone. */
class TimesTest {

    static final Instant NOW = Instant.parse("2026-12-04T13:50:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void relative_times_count_from_now() {
        assertThat(Times.parse("+15m", CLOCK, BERLIN)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(Times.parse("+1h30m", CLOCK, BERLIN)).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(Times.parse(" +2d ", CLOCK, BERLIN)).isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void a_clock_time_is_the_next_one_on_the_terminals_clock() {
        // 13:50 UTC is 14:50 in Berlin: 15:00 is today, 14:00 tomorrow
        assertThat(Times.parse("15:00", CLOCK, BERLIN)).isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
        assertThat(Times.parse("14:00", CLOCK, BERLIN)).isEqualTo(Instant.parse("2026-12-05T13:00:00Z"));
    }

    @Test
    void iso_times_with_an_offset_are_taken_as_written() {
        assertThat(Times.parse("2026-12-04T15:30:00+01:00", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-12-04T14:30:00Z"));
        assertThat(Times.parse("2026-12-04T14:30:00Z", CLOCK, BERLIN)).isEqualTo(Instant.parse("2026-12-04T14:30:00Z"));
    }

    @Test
    void anything_else_is_refused_naming_the_forms_understood() {
        for (String typed : new String[] {"soon", "+", "+15", "15m", "25:00", "2026-12-04"}) {
            assertThatThrownBy(() -> Times.parse(typed, CLOCK, BERLIN)).as(typed)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+15m, +1h30m, +2d, 14:30");
        }
    }

    @Test
    void spans_and_public_times_read_as_people_say_them() {
        assertThat(Times.fromNow(NOW.plusSeconds(599), CLOCK)).isEqualTo("in 9m 59s");
        assertThat(Times.fromNow(NOW.minusSeconds(3_725), CLOCK)).isEqualTo("1h 02m ago");
        assertThat(Times.publicTime(NOW)).isEqualTo("13:50 UTC");
        assertThat(Times.publicDate(NOW)).isEqualTo("4 December 2026");
    }

    @Test
    void each_http_refusal_has_its_exit_code() {
        assertThat(ExitCode.forHttpStatus(422)).isEqualTo(ExitCode.REFUSED);
        assertThat(ExitCode.forHttpStatus(409)).isEqualTo(ExitCode.REFUSED);
        assertThat(ExitCode.forHttpStatus(401)).isEqualTo(ExitCode.NOT_ALLOWED);
        assertThat(ExitCode.forHttpStatus(403)).isEqualTo(ExitCode.NOT_ALLOWED);
        assertThat(ExitCode.forHttpStatus(404)).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ExitCode.forHttpStatus(503)).isEqualTo(ExitCode.UNAVAILABLE);
    }
}
