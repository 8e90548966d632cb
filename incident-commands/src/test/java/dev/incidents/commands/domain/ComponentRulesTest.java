package dev.incidents.commands.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a component's id and definition must be, and how a component changes version. */
class ComponentRulesTest {

    static final ComponentDefinition VALID = new ComponentDefinition("Checkout", "Paying for an order", "Shop", 1,
            true);

    @Test
    void a_complete_definition_and_a_plain_id_pass() {
        assertThat(ComponentRules.checkId("checkout")).isEmpty();
        assertThat(ComponentRules.checkId("Payments_API.eu-1")).isEmpty();
        assertThat(ComponentRules.checkId("x".repeat(ComponentRules.ID_MAX))).isEmpty();
        assertThat(ComponentRules.check(VALID)).isEmpty();
        assertThat(ComponentRules.check(new ComponentDefinition("Checkout", null, null, 0, false))).isEmpty();
    }

    @Test
    void ids_that_a_path_or_a_reader_would_misread_are_refused() {
        for (String id : new String[] {"", " ", " checkout", "checkout ", "a b", "a/b", "a?b", "a#b", "a%2Fb",
                "a\\b", "a\nb", "-a", ".", "zahlungsverkehr-\u00e9", "a\uFFFDb",
                "x".repeat(ComponentRules.ID_MAX + 1)}) {
            assertThat(ComponentRules.checkId(id)).as(id).hasValueSatisfying(rejection ->
                    assertThat(rejection.field()).isEqualTo("componentId"));
        }
    }

    @Test
    void each_broken_rule_names_its_field() {
        Map<String, ComponentDefinition> broken = Map.of(
                "name", new ComponentDefinition(" ", null, null, 0, true),
                "description", new ComponentDefinition("n", "x".repeat(CommandLimits.SUMMARY_MAX + 1), null, 0,
                        true),
                "group", new ComponentDefinition("n", null, "  ", 0, true),
                "order", new ComponentDefinition("n", null, null, ComponentRules.ORDER_MAX + 1, true));

        broken.forEach((field, definition) -> assertThat(ComponentRules.check(definition)).as(field)
                .hasValueSatisfying(rejection -> assertThat(rejection.field()).isEqualTo(field)));
        assertThat(ComponentRules.check(new ComponentDefinition("n", null, null, -1, true)))
                .hasValueSatisfying(rejection -> assertThat(rejection.field()).isEqualTo("order"));
    }

    @Test
    void every_change_is_one_version_more_and_a_redefinition_brings_a_retired_component_back() {
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        Component placeholder = Component.defined("ledger", ComponentDefinition.namedOnDeclare("ledger"), true, at);

        Component retired = placeholder.retiredAt(at.plusSeconds(1));
        Component back = retired.redefined(VALID, at.plusSeconds(2));

        assertThat(placeholder.version()).isEqualTo(1);
        assertThat(placeholder.definition().visibleToPublic()).isFalse();
        assertThat(retired.retired()).isTrue();
        assertThat(retired.version()).isEqualTo(2);
        assertThat(back.retired()).isFalse();
        assertThat(back.createdOnDeclare()).as("an admin's definition is no placeholder").isFalse();
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.changedAt()).isEqualTo(at.plusSeconds(2));
    }
}
