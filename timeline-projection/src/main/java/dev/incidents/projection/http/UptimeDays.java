package dev.incidents.projection.http;

import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.support.http.InvalidField;

/** The {@code days} of an uptime query: 1 to the 90 days of history the board keeps, 90 when left out. */
final class UptimeDays {

    static final int MAX = (int) StatusBoard.HISTORY.toDays();

    private UptimeDays() {
    }

    static int parse(String days) {
        if (days == null) {
            return MAX;
        }
        if (!days.matches("[0-9]{1,3}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > MAX) {
            throw new InvalidField("days", "days must be a whole number from 1 to " + MAX + ".");
        }
        return Integer.parseInt(days);
    }
}
