package dev.incidents.commands.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an admin or a commander writes into a template.
 *
 * @param status          for an update, the status it proposes (null: the responder chooses)
 * @param audience        for an update, the audience it proposes (null: the responder chooses)
 * @param defaultLanguage the language used when the one asked for is not among {@code texts}
 * @param texts           by language tag, sorted
 */
public record TemplateDefinition(TemplateKind kind, String name, IncidentStatus status, Audience audience,
                                 String defaultLanguage, Map<String, TemplateText> texts) {

    public TemplateDefinition {
        texts = texts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(texts));
    }
}
