package dev.incidents.commands.http;

/** A request field that cannot be understood at all (wrong format); answered 400 naming the field. */
public final class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
