package dev.incidents.commands.domain;

/** Why a command was refused; {@code field} names the offending input where there is one. */
public record Rejection(Reason reason, String field, String detail) {

    public enum Reason {
        /** The incident or maintenance window does not exist. */
        NOT_FOUND,
        /** Its state forbids the command (e.g. an update after resolve). */
        CONFLICT,
        /** The caller's expected version is not the current one. */
        VERSION_MISMATCH,
        /** The command breaks a rule of its own (e.g. a promise beyond the cadence). */
        INVALID
    }

    /** @param what "incident", "maintenance": what the command is about */
    public static Rejection notFound(String what) {
        return new Rejection(Reason.NOT_FOUND, null, "The " + what + " does not exist.");
    }

    public static Rejection conflict(String detail) {
        return new Rejection(Reason.CONFLICT, null, detail);
    }

    public static Rejection invalid(String field, String detail) {
        return new Rejection(Reason.INVALID, field, detail);
    }
}
