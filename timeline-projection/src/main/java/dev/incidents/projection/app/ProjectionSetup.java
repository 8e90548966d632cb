package dev.incidents.projection.app;

import dev.incidents.projection.domain.DetectionPolicy;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.stream.ProjectionTopology;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.time.Clock;

/** Wires the plain-Java projection and its topology into Quarkus, which runs the Kafka Streams app. */
@ApplicationScoped
public class ProjectionSetup {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RegistryAvroSerdes avroSerdes(ProjectionConfig config) {
        return new RegistryAvroSerdes(config.registry().url(), config.registry().autoRegister());
    }

    @Produces
    Topology topology(ProjectionConfig config, RegistryAvroSerdes serdes) {
        ProjectionConfig.Detection detection = config.detection();
        Projection projection = new Projection(new DetectionPolicy(detection.dueSoonLead(),
                detection.stillOverdueInterval().orElse(null)));
        return ProjectionTopology.build(projection,
                new ProjectionTopology.Scan(detection.scanInterval(), detection.settleTime()), serdes);
    }
}
