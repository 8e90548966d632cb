package dev.incidents.commands.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the API's timestamps: ISO-8601 with an offset or Z, such as 2026-11-23T10:15:00Z; nothing else. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant optional(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " must be an ISO-8601 timestamp with an offset, such as "
                    + "2026-11-23T10:15:00Z; got '" + abbreviate(value) + "'.");
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
