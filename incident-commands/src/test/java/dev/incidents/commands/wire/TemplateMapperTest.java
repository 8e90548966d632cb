package dev.incidents.commands.wire;

import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Template;
import dev.incidents.commands.domain.TemplateDefinition;
import dev.incidents.commands.domain.TemplateKind;
import dev.incidents.commands.domain.TemplateText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A template survives the trip through its contract whole, with who changed it on the record. */
class TemplateMapperTest {

    @Test
    void a_template_goes_to_its_contract_and_comes_back_equal() {
        Template template = new Template("recovered", new TemplateDefinition(TemplateKind.RESOLVE, "Recovered",
                null, null, "en", Map.of("en", new TemplateText(null, "Recovered; RCA by {rcaDueAt}."),
                "de", new TemplateText(null, "Behoben; RCA bis {rcaDueAt}."))), 3,
                Instant.parse("2026-12-04T09:30:00.123Z"));

        dev.incidents.avro.UpdateTemplate avro = TemplateMapper.toAvro(template,
                new Actor("alice", Actor.Kind.PERSON));

        assertThat(avro.getActor().getId()).isEqualTo("alice");
        assertThat(avro.getKind()).isEqualTo(dev.incidents.avro.TemplateKind.RESOLVE);
        assertThat(TemplateMapper.toDomain(avro)).isEqualTo(template);
    }

    @Test
    void an_update_templates_proposals_survive() {
        Template template = Template.defined("still", new TemplateDefinition(TemplateKind.UPDATE, "Still",
                IncidentStatus.IDENTIFIED, Audience.INTERNAL, "en", Map.of("en", new TemplateText(null, "m"))),
                Instant.parse("2026-12-04T09:30:00Z"));

        assertThat(TemplateMapper.toDomain(TemplateMapper.toAvro(template, new Actor("bot", Actor.Kind.SERVICE))))
                .isEqualTo(template);
    }
}
