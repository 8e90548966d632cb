package dev.incidents.support.text;

import java.util.Optional;

/**
 * Characters no text of ours may hold, whatever the field: control characters other than line breaks and tabs,
 * unpaired surrogates (they cannot be encoded: stored, they turn into "?" and two different texts become equal),
 * Unicode noncharacters (U+FFFE, U+FFFF and the like: one in a feed makes it unreadable XML) and the bidirectional
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069: they make text read differently from what it says).
 * Plain Java, for the domains as much as for the edges.
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /** The first unsafe character of the text, described for an error message; empty when there is none. */
    public static Optional<String> firstIn(String text) {
        return text.codePoints().filter(UnsafeCharacters::isUnsafe).mapToObj(UnsafeCharacters::describe)
                .findFirst();
    }

    public static boolean isUnsafe(int codePoint) {
        return (Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\r' && codePoint != '\t')
                || isSurrogate(codePoint)
                || isNoncharacter(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** A surrogate on its own: a paired one is read as the code point it encodes. */
    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane. */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int codePoint) {
        String kind = Character.isISOControl(codePoint) ? "a control character"
                : isSurrogate(codePoint) ? "an unpaired surrogate"
                : isNoncharacter(codePoint) ? "a Unicode noncharacter"
                : "a bidirectional control";
        return kind + String.format(" (U+%04X)", codePoint);
    }
}
