package dev.incidents.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as a responder types them, and as the terminal shows them: "+15m" or "+1h30m" from now, "14:30" (the next
 * 14:30 on this terminal's clock), or an ISO-8601 instant or date-time with offset.
 */
final class Times {

    private static final Pattern RELATIVE = Pattern.compile("\\+(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?");
    private static final DateTimeFormatter PUBLIC_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT);
    private static final DateTimeFormatter PUBLIC_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss z", Locale.ROOT);

    private Times() {
    }

    /** @throws IllegalArgumentException naming the forms understood */
    static Instant parse(String typed, Clock clock, ZoneId zone) {
        String text = typed.strip();
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches() && text.length() > 1) {
            return clock.instant().plus(Duration.ofDays(number(relative.group(1)))
                    .plusHours(number(relative.group(2))).plusMinutes(number(relative.group(3))));
        }
        try {
            LocalTime time = LocalTime.parse(text);
            ZonedDateTime today = ZonedDateTime.now(clock.withZone(zone)).with(time);
            return (today.toInstant().isAfter(clock.instant()) ? today : today.plusDays(1)).toInstant();
        } catch (DateTimeParseException notATime) {
            // an instant or a date-time, below
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a time: give +15m, +1h30m, +2d, 14:30 or "
                    + "an ISO-8601 time such as 2026-12-04T14:30:00Z.");
        }
    }

    /** A time as a public message says it: "14:30 UTC". */
    static String publicTime(Instant instant) {
        return PUBLIC_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A date as a public message says it: "9 December 2026". */
    static String publicDate(Instant instant) {
        return PUBLIC_DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    static String shown(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }

    /** "in 9m 59s", "3m 05s ago": how far {@code instant} is from now. */
    static String fromNow(Instant instant, Clock clock) {
        Duration left = Duration.between(clock.instant(), instant);
        String span = span(left.abs());
        return left.isNegative() ? span + " ago" : "in " + span;
    }

    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 86_400) {
            return "%dd %02dh".formatted(seconds / 86_400, seconds % 86_400 / 3600);
        }
        if (seconds >= 3600) {
            return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
        }
        return "%dm %02ds".formatted(seconds / 60, seconds % 60);
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
