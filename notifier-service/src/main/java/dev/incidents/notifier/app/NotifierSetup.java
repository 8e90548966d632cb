package dev.incidents.notifier.app;

import dev.incidents.notifier.delivery.EmailLinks;
import dev.incidents.notifier.kafka.PlannerTopology;
import dev.incidents.notifier.render.MessageRenderer;
import dev.incidents.notifier.wire.SecretSeal;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.time.Clock;


/** Wires the plain-Java parts of the notifier into Quarkus. */
@ApplicationScoped
public class NotifierSetup {

    /** What this service may do on Kafka; readiness checks its principal holds these ACLs. */
    @Produces
    @Singleton
    ServiceAccess access() {
        return ServiceAccess.NOTIFIER_SERVICE;
    }

    @Produces
    Topology topology(RegistryAvroSerdes serdes, MessageRenderer renderer, SubscriptionMapper subscriptions,
                      MeterRegistry registry, NotifierConfig config, Tracer tracer) {
        return PlannerTopology.build(serdes, renderer, subscriptions, registry, config.forgetBriefsAfter(), tracer);
    }

    @Produces
    @Singleton
    EmailLinks emailLinks(NotifierConfig config, Clock clock) {
        NotifierConfig.Email email = config.email();
        return new EmailLinks(email.linkKey(), email.publicUrl(), email.confirmationValidity(), clock);
    }

    @Produces
    @Singleton
    SubscriptionMapper subscriptionMapper(NotifierConfig config) {
        return new SubscriptionMapper(new SecretSeal(config.secrets().activeKey(), config.secrets().keys()));
    }
}
