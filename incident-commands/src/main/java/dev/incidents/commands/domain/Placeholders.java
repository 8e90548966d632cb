package dev.incidents.commands.domain;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} slots of a template's text. A brace not around a plain name is text: "{ }" or "{1-2}" stay as
 * written. A slot with no value stays as written too, so whoever uses the text sees what is left to fill in.
 */
public final class Placeholders {

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]{0,39})}");

    private Placeholders() {
    }

    /** The names of {@code text}'s slots, each once, in order of appearance. */
    public static List<String> in(String text) {
        if (text == null) {
            return List.of();
        }
        return SLOT.matcher(text).results().map(slot -> slot.group(1)).distinct().toList();
    }

    /** {@code text} with each slot that has a value replaced by it. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher slots = SLOT.matcher(text);
        StringBuilder filled = new StringBuilder(text.length());
        while (slots.find()) {
            String value = values.get(slots.group(1));
            slots.appendReplacement(filled, Matcher.quoteReplacement(value == null ? slots.group() : value));
        }
        slots.appendTail(filled);
        return filled.toString();
    }
}
