package dev.incidents.cli;

/** What incidentctl's exit status tells a script; the README lists them. */
public enum ExitCode {
    OK(0),
    /** The server refused the request: a rule of the command (422), a conflict (409), a stale version (412). */
    REFUSED(1),
    /** The command line itself is wrong (picocli's own code for usage errors). */
    USAGE(2),
    /** Not signed in, the sign-in expired, or the role does not allow it (401, 403). */
    NOT_ALLOWED(3),
    /** The incident (or template...) does not exist (404). */
    NOT_FOUND(4),
    /** The service could not be reached, failed (5xx), or did not decide in time. */
    UNAVAILABLE(5);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code for an HTTP error status. */
    static ExitCode forHttpStatus(int status) {
        return switch (status) {
            case 401, 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            default -> status >= 500 ? UNAVAILABLE : REFUSED;
        };
    }
}
