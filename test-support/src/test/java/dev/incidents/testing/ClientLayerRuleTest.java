package dev.incidents.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLayerRuleTest {

    @Test
    void a_producer_made_outside_the_client_layer_breaks_the_rule() {
        var classes = new ClassFileImporter().importPackages("dev.incidents.testing.violating");

        var result = ClientLayerRule.ONLY_THE_CLIENT_LAYER_MAKES_KAFKA_CLIENTS.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("MakesItsOwnProducer"));
    }
}
