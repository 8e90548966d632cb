package dev.incidents.support.http;

/**
 * A request field that cannot be understood at all (a body field of the wrong format, a header, a query parameter
 * no answer can be made from): answered 400 {@code invalid-field} naming it, by {@link RequestProblems}.
 */
public final class InvalidField extends IllegalArgumentException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
