package dev.incidents.commands.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fitting monitors' texts and keys into the command's limits. */
final class IntakeText {

    private IntakeText() {
    }

    /** {@code text} cut to {@code max} characters (an ellipsis marks the cut), or null when blank. */
    static String fit(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() <= max) {
            return trimmed;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(0, end) + "…";
    }

    /** The first of {@code candidates} that is not blank, fitted to {@code max}. */
    static String first(int max, String... candidates) {
        for (String candidate : candidates) {
            String fitted = fit(candidate, max);
            if (fitted != null) {
                return fitted;
            }
        }
        return null;
    }

    /** {@code prefix} + {@code key}, or + the key's SHA-256 when that would be longer than {@code max}. */
    static String key(String prefix, String key, int max) {
        String plain = prefix + key;
        return plain.length() <= max ? plain : prefix + "sha256:" + sha256(key);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
