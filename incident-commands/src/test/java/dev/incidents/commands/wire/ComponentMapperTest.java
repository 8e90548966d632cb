package dev.incidents.commands.wire;

import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.ComponentRetired;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Component;
import dev.incidents.commands.domain.ComponentDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A component survives the trip through its contract whole, defined or retired. */
class ComponentMapperTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    static final Actor ADMIN = new Actor("incident-admin", Actor.Kind.PERSON);

    @Test
    void a_defined_component_round_trips_as_component_defined() {
        Component checkout = Component.defined("checkout",
                new ComponentDefinition("Checkout", "Paying for an order", "Shop", 3, true), false, AT);

        ComponentEvent event = ComponentMapper.toAvro(checkout, ADMIN);

        assertThat(event.getPayload()).isInstanceOf(ComponentDefined.class);
        assertThat(event.getActor().getId()).isEqualTo("incident-admin");
        assertThat(ComponentMapper.toDomain(event)).isEqualTo(checkout);
    }

    @Test
    void a_retired_component_round_trips_as_component_retired_with_its_definition() {
        Component retired = Component.defined("ledger", ComponentDefinition.namedOnDeclare("ledger"), true, AT)
                .redefined(new ComponentDefinition("Ledger", "Bookkeeping", "Money", 7, false), AT)
                .retiredAt(AT.plusSeconds(60));

        ComponentEvent event = ComponentMapper.toAvro(retired, ADMIN);

        assertThat(event.getPayload()).isInstanceOf(ComponentRetired.class);
        assertThat(event.getVersion()).isEqualTo(3);
        assertThat(ComponentMapper.toDomain(event)).isEqualTo(retired);
    }
}
