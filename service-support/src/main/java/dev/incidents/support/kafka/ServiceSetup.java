package dev.incidents.support.kafka;

import dev.incidents.support.background.BackgroundConfig;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.CloudEventsConfig;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * What every service gets the same way: the clock its domain reads, the Kafka client layer built from Quarkus'
 * {@code kafka.*} settings, the registry serdes built from {@code incidents.registry.*}, and the CloudEvents
 * attributes of what it writes for other teams.
 */
@ApplicationScoped
public class ServiceSetup {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** @param kafka every {@code kafka.*} setting without its prefix, as Quarkus gives it to Kafka Streams too */
    @Produces
    @Singleton
    KafkaClients kafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        return new KafkaClients(kafka, ClientMeters.to(registry));
    }

    /** Every background loop of the service runs under it; all stop when the service stops. */
    @Produces
    @Singleton
    Supervisor supervisor(Clock clock, BackgroundConfig config) {
        return new Supervisor(clock, config.backoff());
    }

    void stopLoops(@Disposes Supervisor supervisor) throws InterruptedException {
        supervisor.close();
    }

    @Produces
    @Singleton
    CloudEvents cloudEvents(CloudEventsConfig config, RegistryConfig registry) {
        return new CloudEvents(config.source(), config.schemaRegistryUrl()
                .orElseGet(() -> CloudEvents.compatApiOf(registry.url())));
    }

    @Produces
    @Singleton
    RegistryAvroSerdes avroSerdes(RegistryConfig registry) {
        return new RegistryAvroSerdes(registry.url(), registry.autoRegister(), RegistrySettings.of(registry));
    }
}
