package dev.incidents.commands.http;

import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Template;
import dev.incidents.commands.domain.TemplateDefinition;
import dev.incidents.commands.domain.TemplateKind;
import dev.incidents.commands.domain.TemplateText;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An update template as the API shows it, with the placeholders its kind can fill. */
public record TemplateResponse(String id, TemplateKind kind, String name, IncidentStatus status, Audience audience,
                               String defaultLanguage, Map<String, TemplateText> texts, List<String> placeholders,
                               long version, Instant changedAt) {

    static TemplateResponse of(Template template) {
        TemplateDefinition d = template.definition();
        return new TemplateResponse(template.id(), d.kind(), d.name(), d.status(), d.audience(), d.defaultLanguage(),
                d.texts(), d.kind().placeholders(), template.version(), template.changedAt());
    }
}
