package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Template;
import dev.incidents.commands.domain.TemplateDefinition;
import dev.incidents.commands.domain.TemplateKind;
import dev.incidents.commands.domain.TemplateText;

import java.util.LinkedHashMap;
import java.util.Map;

/** Update templates to and from their contract on incident-templates. */
public final class TemplateMapper {

    private TemplateMapper() {
    }

    /** The record that holds {@code template} whole, as changed by {@code actor}. */
    public static dev.incidents.avro.UpdateTemplate toAvro(Template template, Actor actor) {
        TemplateDefinition d = template.definition();
        Map<String, dev.incidents.avro.TemplateText> texts = new LinkedHashMap<>();
        d.texts().forEach((language, text) ->
                texts.put(language, new dev.incidents.avro.TemplateText(text.title(), text.message())));
        return dev.incidents.avro.UpdateTemplate.newBuilder()
                .setTemplateId(template.id())
                .setVersion(template.version())
                .setChangedAt(template.changedAt())
                .setActor(CommandMapper.actor(actor))
                .setKind(dev.incidents.avro.TemplateKind.valueOf(d.kind().name()))
                .setName(d.name())
                .setStatus(d.status() == null ? null : CommandMapper.status(d.status()))
                .setAudience(d.audience() == null ? null : CommandMapper.audience(d.audience()))
                .setDefaultLanguage(d.defaultLanguage())
                .setTexts(texts)
                .build();
    }

    public static Template toDomain(dev.incidents.avro.UpdateTemplate avro) {
        Map<String, TemplateText> texts = new LinkedHashMap<>();
        avro.getTexts().forEach((language, text) ->
                texts.put(language, new TemplateText(text.getTitle(), text.getMessage())));
        return new Template(avro.getTemplateId(), new TemplateDefinition(TemplateKind.valueOf(avro.getKind().name()),
                avro.getName(), avro.getStatus() == null ? null : IncidentStatus.valueOf(avro.getStatus().name()),
                avro.getAudience() == null ? null : Audience.valueOf(avro.getAudience().name()),
                avro.getDefaultLanguage(), texts), avro.getVersion(), avro.getChangedAt());
    }
}
