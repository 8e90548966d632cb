package dev.incidents.support.http;

import dev.incidents.support.text.UnsafeCharacters;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What no query parameter of any service may hold, whatever it is for: percent-encoding that is not UTF-8, a
 * character no text may hold (controls, noncharacters, bidirectional overrides), a value of more than
 * {@value #MAX_VALUE_LENGTH} characters or a name of more than {@value #MAX_NAME_LENGTH}. A filter that took such a value would echo it, compare with it or forward
 * it to another instance as it came.
 */
public final class QueryRules {

    public static final int MAX_VALUE_LENGTH = 1_000;
    public static final int MAX_NAME_LENGTH = 100;

    private QueryRules() {
    }

    /** The problem with a raw (still percent-encoded) query string, if any. */
    public static Optional<Problem> check(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decode(rawName);
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            String field = name.filter(n -> UnsafeCharacters.firstIn(n).isEmpty() && n.length() <= MAX_NAME_LENGTH
                    && n.chars().allMatch(c -> c >= 0x20 && c != 0x7F)).orElse(null);
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.of(invalid(field, "The query is not percent-encoded UTF-8."));
            }
            if (name.get().length() > MAX_NAME_LENGTH) {
                return Optional.of(invalid(null, "A query parameter's name is longer than " + MAX_NAME_LENGTH
                        + " characters."));
            }
            if (value.get().length() > MAX_VALUE_LENGTH) {
                return Optional.of(invalid(field, "A query parameter holds more than " + MAX_VALUE_LENGTH
                        + " characters."));
            }
            if ((name.get() + value.get()).chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                return Optional.of(invalid(field, "A query parameter holds a control character."));
            }
            Optional<String> unsafe = UnsafeCharacters.firstIn(name.get() + value.get());
            if (unsafe.isPresent()) {
                return Optional.of(invalid(field, "A query parameter holds " + unsafe.get() + "."));
            }
        }
        return Optional.empty();
    }

    private static Problem invalid(String field, String detail) {
        return Problem.of("invalid-field", "Invalid request field", 400, detail, field);
    }

    /** Percent-decoded (and '+' as a space) and read as strict UTF-8; empty if either fails. */
    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7E || c < 0x20) {
                return Optional.empty();
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
