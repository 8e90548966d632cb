package dev.incidents.commands.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a template must be before a form may offer it, and what a use of it may ask. */
class TemplateRulesTest {

    static final TemplateDefinition UPDATE = new TemplateDefinition(TemplateKind.UPDATE, "Still investigating",
            IncidentStatus.INVESTIGATING, Audience.PUBLIC, "en", Map.of(
            "en", new TemplateText(null, "We are still investigating {component}. Next update by {nextUpdateAt}."),
            "de", new TemplateText(null, "Wir untersuchen {component} weiter. Nächstes Update bis {nextUpdateAt}.")));

    @Test
    void a_template_of_each_kind_with_its_own_fields_and_placeholders_passes() {
        TemplateDefinition declare = new TemplateDefinition(TemplateKind.DECLARE, "Payments down", null, null, "en",
                Map.of("en", new TemplateText("{component} unavailable", "Customers cannot use {component}.")));
        TemplateDefinition resolve = new TemplateDefinition(TemplateKind.RESOLVE, "Recovered", null, null, "pt-BR",
                Map.of("pt-BR", new TemplateText(null, "Resolvido. RCA até {rcaDueAt}, por {rcaOwner}.")));

        assertThat(TemplateRules.check(UPDATE)).isEmpty();
        assertThat(TemplateRules.check(declare)).isEmpty();
        assertThat(TemplateRules.check(resolve)).isEmpty();
        assertThat(TemplateRules.checkId("still-investigating")).isEmpty();
    }

    @Test
    void a_placeholder_its_kind_cannot_fill_is_refused_naming_the_ones_it_can() {
        TemplateDefinition declare = new TemplateDefinition(TemplateKind.DECLARE, "Early promise", null, null, "en",
                Map.of("en", new TemplateText("Outage", "Next update by {nextUpdateAt}.")));

        assertThat(TemplateRules.check(declare)).hasValueSatisfying(rejection -> {
            assertThat(rejection.field()).isEqualTo("texts.en.message");
            assertThat(rejection.detail()).contains("{nextUpdateAt} is not a placeholder of a DECLARE template")
                    .contains("{component}, {severity}, {commander}");
        });
    }

    @Test
    void each_broken_rule_names_its_field() {
        Map<String, TemplateDefinition> broken = Map.of(
                "kind", new TemplateDefinition(null, "n", null, null, "en", UPDATE.texts()),
                "name", new TemplateDefinition(TemplateKind.UPDATE, " ", null, null, "en", UPDATE.texts()),
                "texts", new TemplateDefinition(TemplateKind.UPDATE, "n", null, null, "en", Map.of()),
                "defaultLanguage", new TemplateDefinition(TemplateKind.UPDATE, "n", null, null, "fr", UPDATE.texts()),
                "status", new TemplateDefinition(TemplateKind.RESOLVE, "n", IncidentStatus.MONITORING, null, "en",
                        Map.of("en", new TemplateText(null, "m"))),
                "audience", new TemplateDefinition(TemplateKind.DECLARE, "n", null, Audience.PUBLIC, "en",
                        Map.of("en", new TemplateText("t", "m"))),
                "texts.en.title", new TemplateDefinition(TemplateKind.UPDATE, "n", null, null, "en",
                        Map.of("en", new TemplateText("a title", "m"))),
                "texts.de.message", new TemplateDefinition(TemplateKind.UPDATE, "n", null, null, "en",
                        Map.of("en", new TemplateText(null, "m"), "de", new TemplateText(null, " "))));

        broken.forEach((field, definition) -> assertThat(TemplateRules.check(definition)).as(field)
                .hasValueSatisfying(rejection -> assertThat(rejection.field()).isEqualTo(field)));
    }

    @Test
    void a_declaration_needs_a_title_and_an_update_never_proposes_resolved() {
        TemplateDefinition untitled = new TemplateDefinition(TemplateKind.DECLARE, "n", null, null, "en",
                Map.of("en", new TemplateText(null, "m")));
        TemplateDefinition resolving = new TemplateDefinition(TemplateKind.UPDATE, "n", IncidentStatus.RESOLVED,
                null, "en", Map.of("en", new TemplateText(null, "m")));

        assertThat(TemplateRules.check(untitled)).hasValueSatisfying(r -> assertThat(r.field())
                .isEqualTo("texts.en.title"));
        assertThat(TemplateRules.check(resolving)).hasValueSatisfying(r -> assertThat(r.detail())
                .contains("use a RESOLVE template"));
    }

    @Test
    void language_tags_are_plain_and_bounded_in_number() {
        for (String tag : new String[] {"EN", "english", "e", "de_DE", "de-", "<b>", ""}) {
            TemplateDefinition odd = new TemplateDefinition(TemplateKind.RESOLVE, "n", null, null, tag,
                    Map.of(tag, new TemplateText(null, "m")));
            assertThat(TemplateRules.check(odd)).as(tag).hasValueSatisfying(r -> assertThat(r.field())
                    .isEqualTo("texts"));
        }
        Map<String, TemplateText> many = new java.util.HashMap<>();
        for (char c = 'a'; many.size() <= TemplateRules.LANGUAGES_MAX; c++) {
            many.put("a" + c, new TemplateText(null, "m"));
        }
        assertThat(TemplateRules.check(new TemplateDefinition(TemplateKind.RESOLVE, "n", null, null, "aa", many)))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("texts"));
    }

    @Test
    void a_use_gives_values_for_its_kinds_placeholders_only_and_a_plain_language_tag() {
        assertThat(TemplateRules.checkUse(TemplateKind.UPDATE, "de-CH", Map.of("component", "Checkout"))).isEmpty();
        assertThat(TemplateRules.checkUse(TemplateKind.UPDATE, null, Map.of())).isEmpty();

        assertThat(TemplateRules.checkUse(TemplateKind.DECLARE, "en", Map.of("incidentId", "inc-1")))
                .hasValueSatisfying(r -> {
                    assertThat(r.field()).isEqualTo("values");
                    assertThat(r.detail()).contains("incidentId is not a placeholder of a DECLARE template");
                });
        assertThat(TemplateRules.checkUse(TemplateKind.UPDATE, "en", Map.of("component", "x".repeat(1001))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("values.component"));
        assertThat(TemplateRules.checkUse(TemplateKind.UPDATE, "de\u0000", Map.of()))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("language"));
    }
}
