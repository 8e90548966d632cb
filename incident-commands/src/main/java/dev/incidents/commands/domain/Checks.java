package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks of a command's fields that every decider shares; each gives the rejection of its field, if any. */
final class Checks {

    private Checks() {
    }

    static Optional<Rejection> notNull(String field, Object value) {
        return value == null ? Optional.of(Rejection.invalid(field, field + " is required.")) : Optional.empty();
    }

    static Optional<Rejection> notBefore(String field, Instant value, Instant earliest) {
        return value != null && value.isBefore(earliest)
                ? Optional.of(Rejection.invalid(field, field + " must not be before " + earliest + "."))
                : Optional.empty();
    }

    /**
     * @param what    "incident", "maintenance": what the command is about
     * @param version its version, or null when it does not exist
     */
    static Optional<Rejection> missingOrStale(String what, Long version, Long expectedVersion) {
        if (version == null) {
            return Optional.of(Rejection.notFound(what));
        }
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            return Optional.of(new Rejection(Rejection.Reason.VERSION_MISMATCH, null,
                    "The " + what + " is at version " + version + ", not " + expectedVersion + "."));
        }
        return Optional.empty();
    }

    /** The first rejection of {@code checks}, in order. */
    @SafeVarargs
    static Optional<Rejection> first(Optional<Rejection>... checks) {
        return Stream.of(checks).flatMap(Optional::stream).findFirst();
    }
}
