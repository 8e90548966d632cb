package dev.incidents.commands.app;

import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.IncidentPolicy;
import dev.incidents.commands.domain.MaintenanceDecider;
import dev.incidents.commands.domain.MaintenancePolicy;
import dev.incidents.commands.domain.Severity;
import dev.incidents.commands.kafka.DeciderTopology;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.time.Clock;
import java.util.Map;

/** Wires the plain-Java decider and its topology into Quarkus; Quarkus runs the Kafka Streams app it produces. */
@ApplicationScoped
public class DeciderSetup {

    /** What this service may do on Kafka; readiness checks its principal holds these ACLs. */
    @Produces
    @Singleton
    ServiceAccess access() {
        return ServiceAccess.INCIDENT_COMMANDS_SERVICE;
    }

    @Produces
    @Singleton
    IncidentDecider decider(IncidentsConfig config) {
        IncidentsConfig.BySeverity cadence = config.cadence();
        IncidentsConfig.RcaWindow rca = config.rcaWindow();
        return new IncidentDecider(new IncidentPolicy(
                Map.of(Severity.SEV1, cadence.sev1(), Severity.SEV2, cadence.sev2(), Severity.SEV3, cadence.sev3(),
                        Severity.SEV4, cadence.sev4()),
                Map.of(Severity.SEV1, rca.sev1(), Severity.SEV2, rca.sev2(), Severity.SEV3, rca.sev3(),
                        Severity.SEV4, rca.sev4()),
                config.earliestTime(), config.maxComponents()));
    }

    @Produces
    @Singleton
    MaintenanceDecider maintenanceDecider(IncidentsConfig config) {
        return new MaintenanceDecider(new MaintenancePolicy(config.earliestTime(), config.maxComponents(),
                config.maintenance().longestWindow(), config.maintenance().furthestAhead()));
    }

    @Produces
    Topology topology(IncidentDecider decider, MaintenanceDecider maintenanceDecider, Clock clock, RegistryAvroSerdes serdes, MeterRegistry registry,
                      Tracer tracer, CloudEvents cloudEvents) {
        return DeciderTopology.build(decider, maintenanceDecider, clock, serdes, registry, tracer, cloudEvents);
    }
}
