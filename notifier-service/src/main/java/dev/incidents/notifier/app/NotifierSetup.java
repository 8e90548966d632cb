package dev.incidents.notifier.app;

import dev.incidents.notifier.kafka.PlannerTopology;
import dev.incidents.notifier.render.MessageRenderer;
import dev.incidents.support.wire.RegistryAvroSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;


/** Wires the plain-Java parts of the notifier into Quarkus. */
@ApplicationScoped
public class NotifierSetup {

    @Produces
    Topology topology(RegistryAvroSerdes serdes, MessageRenderer renderer) {
        return PlannerTopology.build(serdes, renderer);
    }
}
