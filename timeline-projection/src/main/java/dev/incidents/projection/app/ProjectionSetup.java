package dev.incidents.projection.app;

import dev.incidents.projection.domain.DetectionPolicy;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.kafka.ProjectionTopology;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;


/** Wires the plain-Java projection and its topology into Quarkus, which runs the Kafka Streams app. */
@ApplicationScoped
public class ProjectionSetup {

    /** What this service may do on Kafka; readiness checks its principal holds these ACLs. */
    @Produces
    @Singleton
    ServiceAccess access() {
        return ServiceAccess.TIMELINE_PROJECTION_SERVICE;
    }

    @Produces
    Topology topology(ProjectionConfig config, RegistryAvroSerdes serdes, MeterRegistry registry, Tracer tracer,
                      CloudEvents cloudEvents) {
        ProjectionConfig.Detection detection = config.detection();
        Projection projection = new Projection(new DetectionPolicy(detection.dueSoonLead(),
                detection.stillOverdueInterval().orElse(null), detection.correctiveActionDueSoonLead(),
                detection.correctiveActionOverdueRepeat()));
        MaintenanceProjection maintenance = new MaintenanceProjection(config.maintenance().startingSoonLead(),
                config.maintenance().overrunRepeat());
        return ProjectionTopology.build(projection, maintenance,
                new ProjectionTopology.Scan(detection.scanInterval(), detection.settleTime()), serdes, registry, tracer,
                cloudEvents);
    }
}
