package dev.incidents.projection.http;

import dev.incidents.support.http.InvalidField;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times in queries: ISO-8601 with an offset, between 1970 and 9999, so that every time a query names can be written
 * back into the query another instance is asked (a far-past year cannot be read back).
 */
final class QueryTimes {

    static final String EXPECTED = "an ISO-8601 timestamp with an offset between 1970 and 9999, such as "
            + "2026-11-01T00:00:00Z.";
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryTimes() {
    }

    /**
     * The time a query parameter names, or null if it is absent.
     *
     * @throws InvalidField naming the parameter, if it is not such a time
     */
    static Instant parameter(String name, String value) {
        try {
            return value == null ? null : parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, name + " is " + EXPECTED);
        }
    }

    /** @throws DateTimeParseException if not such a time */
    static Instant parse(String text) {
        Instant time = OffsetDateTime.parse(text).toInstant();
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new DateTimeParseException("out of range", text, 0);
        }
        return time;
    }
}
