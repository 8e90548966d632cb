package dev.incidents.commands;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.incidents.testing.ClientLayerRule;

/** This service's code and the shared library make no Kafka client outside the client layer. */
@AnalyzeClasses(packages = {"dev.incidents.commands", "dev.incidents.support"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ClientLayerTest {

    @ArchTest
    static final ArchRule clients = ClientLayerRule.ONLY_THE_CLIENT_LAYER_MAKES_KAFKA_CLIENTS;
}
