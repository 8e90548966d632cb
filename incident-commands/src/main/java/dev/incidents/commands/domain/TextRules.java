package dev.incidents.commands.domain;

import java.util.Optional;

/** Rules every free-text field follows: present when required, bounded, no control characters but line breaks and tabs. */
final class TextRules {

    private TextRules() {
    }

    static Optional<Rejection> required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(Rejection.invalid(field, field + " is required and must not be blank."));
        }
        return optional(field, value, max);
    }

    static Optional<Rejection> optional(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(Rejection.invalid(field, field + " must be at most " + max + " characters."));
        }
        if (hasControlCharacter(value)) {
            return Optional.of(Rejection.invalid(field, field + " must not contain control characters."));
        }
        return Optional.empty();
    }

    static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
