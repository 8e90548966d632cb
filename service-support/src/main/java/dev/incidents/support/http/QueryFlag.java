package dev.incidents.support.http;

import java.util.Optional;

/** A true-or-false query parameter read strictly: anything but {@code true} or {@code false} is a 400 naming it. */
public final class QueryFlag {

    private QueryFlag() {
    }

    /** @return empty when the parameter is absent */
    public static Optional<Boolean> parse(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidField(name, name + " must be true or false");
        }
        return Optional.of(value.equals("true"));
    }
}
