package dev.incidents.support.http;

/**
 * A query parameter no answer can be made from (a filter, a limit, a cursor): answered 400 {@code invalid-field}
 * naming it, by {@link RequestProblems}.
 */
public final class InvalidParameter extends IllegalArgumentException {

    private final String field;

    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
