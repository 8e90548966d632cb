package dev.incidents.notifier.app;

import dev.incidents.notifier.planner.PlannerTopology;
import dev.incidents.notifier.render.MessageRenderer;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.time.Clock;

/** Wires the plain-Java parts of the notifier into Quarkus. */
@ApplicationScoped
public class NotifierSetup {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RegistryAvroSerdes avroSerdes(NotifierConfig config) {
        return new RegistryAvroSerdes(config.registry().url(), config.registry().autoRegister());
    }

    @Produces
    Topology topology(RegistryAvroSerdes serdes, MessageRenderer renderer) {
        return PlannerTopology.build(serdes, renderer);
    }
}
