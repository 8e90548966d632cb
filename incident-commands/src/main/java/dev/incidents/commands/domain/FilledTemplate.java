package dev.incidents.commands.domain;

import java.util.List;

/**
 * A template made ready for one incident, in one language: what a form or incidentctl puts into its fields.
 *
 * @param language the language used: the one asked for, a close one, or the template's default
 * @param unfilled the placeholders left as written, for want of a value
 */
public record FilledTemplate(String templateId, TemplateKind kind, String language, String title, String message,
                             IncidentStatus status, Audience audience, List<String> unfilled) {

    public FilledTemplate {
        unfilled = List.copyOf(unfilled);
    }
}
