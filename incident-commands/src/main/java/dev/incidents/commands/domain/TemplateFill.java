package dev.incidents.commands.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Fills a template's text in for one incident, in the language closest to the one asked for. */
public final class TemplateFill {

    private TemplateFill() {
    }

    /**
     * @param language a language tag, or null for the template's default
     * @param values   by placeholder name (checked with {@link TemplateRules#checkUse})
     */
    public static FilledTemplate fill(Template template, String language, Map<String, String> values) {
        TemplateDefinition definition = template.definition();
        String chosen = closest(definition, language);
        TemplateText text = definition.texts().get(chosen);
        String title = Placeholders.fill(text.title(), values);
        String message = Placeholders.fill(text.message(), values);
        return new FilledTemplate(template.id(), definition.kind(), chosen, title, message, definition.status(),
                definition.audience(), Stream.concat(Placeholders.in(title).stream(),
                Placeholders.in(message).stream()).distinct().toList());
    }

    /** The same tag, else one of the same language (de-CH asked, de held; or the reverse), else the default. */
    static String closest(TemplateDefinition definition, String asked) {
        if (asked == null || asked.isBlank()) {
            return definition.defaultLanguage();
        }
        String tag = asked.strip().toLowerCase(Locale.ROOT);
        String primary = tag.split("-", 2)[0];
        return find(definition, held -> held.toLowerCase(Locale.ROOT).equals(tag))
                .or(() -> find(definition, held -> held.toLowerCase(Locale.ROOT).equals(primary)))
                .or(() -> find(definition, held -> held.toLowerCase(Locale.ROOT).startsWith(primary + "-")))
                .orElse(definition.defaultLanguage());
    }

    private static Optional<String> find(TemplateDefinition definition, Predicate<String> match) {
        return definition.texts().keySet().stream().filter(match).findFirst();
    }
}
