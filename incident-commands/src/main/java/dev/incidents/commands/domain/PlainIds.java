package dev.incidents.commands.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ids of things people name in URLs and in other records (components, templates): short and plain, ASCII letters,
 * digits and a little punctuation, so no path, query or reader misreads them.
 */
public final class PlainIds {

    public static final int MAX = 100;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX - 1) + "}");

    private PlainIds() {
    }

    public static Optional<Rejection> check(String field, String id) {
        if (id == null || !PLAIN.matcher(id).matches()) {
            return Optional.of(Rejection.invalid(field, field + " must be 1 to " + MAX + " letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit (e.g. payments-api)."));
        }
        return Optional.empty();
    }
}
