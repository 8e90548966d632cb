package dev.incidents.commands.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Filling a template in for an incident: the closest language, the values given, and what is left to write. */
class TemplateFillTest {

    static final Template STILL_INVESTIGATING = Template.defined("still-investigating", TemplateRulesTest.UPDATE,
            Instant.parse("2026-12-04T09:00:00Z"));

    @Test
    void the_values_given_replace_their_placeholders_and_the_proposals_come_along() {
        // given the update template in English and German, when filled for a German reader
        FilledTemplate filled = TemplateFill.fill(STILL_INVESTIGATING, "de",
                Map.of("component", "Checkout", "nextUpdateAt", "10:15 UTC"));

        // then the German text carries the values and the template's status and audience
        assertThat(filled.language()).isEqualTo("de");
        assertThat(filled.message()).isEqualTo("Wir untersuchen Checkout weiter. Nächstes Update bis 10:15 UTC.");
        assertThat(filled.title()).isNull();
        assertThat(filled.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(filled.audience()).isEqualTo(Audience.PUBLIC);
        assertThat(filled.unfilled()).isEmpty();
    }

    @Test
    void a_placeholder_without_a_value_stays_as_written_and_is_named() {
        FilledTemplate filled = TemplateFill.fill(STILL_INVESTIGATING, "en", Map.of("component", "Checkout"));

        assertThat(filled.message()).isEqualTo("We are still investigating Checkout. Next update by {nextUpdateAt}.");
        assertThat(filled.unfilled()).containsExactly("nextUpdateAt");
    }

    @Test
    void a_value_that_looks_like_a_placeholder_or_a_regex_reference_is_put_in_as_written() {
        FilledTemplate filled = TemplateFill.fill(STILL_INVESTIGATING, "en",
                Map.of("component", "$1 {nextUpdateAt} \\", "nextUpdateAt", "soon"));

        assertThat(filled.message()).isEqualTo("We are still investigating $1 {nextUpdateAt} \\. Next update by soon.");
    }

    @Test
    void the_closest_language_is_used_then_the_default() {
        assertThat(TemplateFill.fill(STILL_INVESTIGATING, "de-CH", Map.of()).language()).isEqualTo("de");
        assertThat(TemplateFill.fill(STILL_INVESTIGATING, "DE", Map.of()).language()).isEqualTo("de");
        assertThat(TemplateFill.fill(STILL_INVESTIGATING, "fr", Map.of()).language()).isEqualTo("en");
        assertThat(TemplateFill.fill(STILL_INVESTIGATING, null, Map.of()).language()).isEqualTo("en");

        Template swiss = Template.defined("t", new TemplateDefinition(TemplateKind.RESOLVE, "n", null, null, "en",
                Map.of("en", new TemplateText(null, "Resolved"), "de-CH", new TemplateText(null, "Behoben"))),
                Instant.EPOCH);
        assertThat(TemplateFill.fill(swiss, "de", Map.of()).message()).isEqualTo("Behoben");
    }

    @Test
    void braces_around_anything_but_a_plain_name_are_text() {
        assertThat(Placeholders.in("{ } {1-2} {component} {a b} {component}")).containsExactly("component");
        assertThat(Placeholders.fill("{ } {component}", Map.of("component", "Checkout"))).isEqualTo("{ } Checkout");
    }
}
