package dev.incidents.commands.domain;

import dev.incidents.support.text.UnsafeCharacters;

import java.util.Optional;

/**
 * Rules every free-text field follows: present when required, bounded, and none of the characters no text may hold
 * ({@link UnsafeCharacters}: control characters but line breaks and tabs, unpaired surrogates, noncharacters,
 * bidirectional controls).
 */
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
        return UnsafeCharacters.firstIn(value)
                .map(unsafe -> Rejection.invalid(field, field + " must not contain " + unsafe + "."));
    }
}
