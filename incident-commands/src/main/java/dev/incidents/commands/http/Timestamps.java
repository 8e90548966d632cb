package dev.incidents.commands.http;

import dev.incidents.support.http.InvalidField;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the API's timestamps: ISO-8601 with an offset or Z, such as 2026-11-23T10:15:00Z; nothing else, and only
 * years 1 to 9999 (the events keep milliseconds since 1970 in a long; which times make sense is the domain's rule).
 */
final class Timestamps {

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Timestamps() {
    }

    static Instant optional(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, field + " must be an ISO-8601 timestamp with an offset, such as "
                    + "2026-11-23T10:15:00Z; got '" + abbreviate(value) + "'.");
        }
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new InvalidField(field, field + " must be a time between the years 1 and 9999.");
        }
        return time;
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
