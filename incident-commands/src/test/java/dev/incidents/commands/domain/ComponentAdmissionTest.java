package dev.incidents.commands.domain;

import dev.incidents.commands.domain.ComponentAdmission.Admission;
import dev.incidents.commands.domain.ComponentAdmission.Unknown;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Declares against the catalog: known components pass, unknown ones are refused or added, retired ones refused. */
class ComponentAdmissionTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final Component CHECKOUT = Component.defined("checkout",
            new ComponentDefinition("Checkout", null, "Shop", 1, true), false, NOW);
    static final Component SEARCH = Component.defined("search",
            new ComponentDefinition("Search", null, "Shop", 2, true), false, NOW);
    static final Component FAX = Component.defined("fax", new ComponentDefinition("Fax", null, null, 0, false),
            false, NOW).retiredAt(NOW);

    @Test
    void known_components_are_admitted_and_nothing_is_added() {
        Admission admission = ComponentAdmission.admit(List.of("checkout", "search"), List.of(CHECKOUT, SEARCH),
                Unknown.REJECT, 10);

        assertThat(admission.refused()).isEmpty();
        assertThat(admission.toCreate()).isEmpty();
    }

    @Test
    void an_unknown_component_is_refused_naming_it_and_every_known_one_but_no_retired_one() {
        Admission admission = ComponentAdmission.admit(List.of("checkout", "paymnts"),
                List.of(CHECKOUT, SEARCH, FAX), Unknown.REJECT, 10);

        assertThat(admission.refused()).hasValueSatisfying(rejection -> {
            assertThat(rejection.field()).isEqualTo("components");
            assertThat(rejection.detail()).startsWith("'paymnts' is not in the component catalog.")
                    .contains("Known components: 'checkout', 'search' (GET /components).")
                    .doesNotContain("'fax'");
        });
        assertThat(admission.toCreate()).isEmpty();
    }

    @Test
    void a_retired_component_is_refused_as_retired() {
        Admission admission = ComponentAdmission.admit(List.of("fax", "telex"), List.of(CHECKOUT, FAX),
                Unknown.REJECT, 10);

        assertThat(admission.refused()).hasValueSatisfying(rejection -> assertThat(rejection.detail())
                .startsWith("'telex' is not in the component catalog. 'fax' is retired."));
    }

    @Test
    void an_empty_catalog_says_how_to_fill_it() {
        Admission admission = ComponentAdmission.admit(List.of("checkout"), List.of(), Unknown.REJECT, 10);

        assertThat(admission.refused()).hasValueSatisfying(rejection -> assertThat(rejection.detail())
                .contains("no components yet").contains("PUT /components/{id}"));
    }

    @Test
    void a_long_catalog_is_listed_in_part_and_the_rest_counted() {
        List<Component> many = IntStream.range(0, ComponentAdmission.KNOWN_LISTED + 5)
                .mapToObj(i -> Component.defined("c-%03d".formatted(i),
                        new ComponentDefinition("C" + i, null, null, 0, true), false, NOW)).toList();

        Admission admission = ComponentAdmission.admit(List.of("x"), many, Unknown.REJECT, 100);

        assertThat(admission.refused()).hasValueSatisfying(rejection -> assertThat(rejection.detail())
                .contains("'c-029'").doesNotContain("'c-030'").contains(" and 5 more"));
    }

    @Test
    void under_create_unknown_ones_are_added_once_each_retired_ones_pass_unchanged_and_invalid_ids_are_named_only() {
        Admission admission = ComponentAdmission.admit(List.of("ledger", "fax", "ledger", "a/b", "checkout"),
                List.of(CHECKOUT, FAX), Unknown.CREATE, 10);

        assertThat(admission.refused()).isEmpty();
        assertThat(admission.toCreate()).containsExactly("ledger");
    }

    @Test
    void under_create_a_full_catalog_adds_only_what_it_has_room_for() {
        Admission admission = ComponentAdmission.admit(List.of("a", "b", "c"), List.of(CHECKOUT), Unknown.CREATE,
                2);

        assertThat(admission.refused()).isEmpty();
        assertThat(admission.toCreate()).containsExactly("a", "b");
        assertThat(ComponentAdmission.admit(List.of("a"), List.of(), Unknown.CREATE, 0).toCreate()).isEmpty();
    }
}
