package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifier keeps nothing but Kafka: an instance started later knows every subscription, secrets included. */
class SubscriptionStoreTest {

    @Test
    void a_new_instance_loads_every_subscription_from_the_topic() throws Exception {
        TestStack.start();
        Subscription saved;
        SubscriptionStore first = store();
        try {
            saved = first.save(Subscription.create(UUID.randomUUID().toString(), new SubscriptionSpec(
                    Channel.WEBHOOK, "https://hooks.example.com/x", Audience.INTERNAL, null, null, null, "fr",
                    "Europe/Paris", "alice", 2, List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        } finally {
            first.stop(null);
        }

        SubscriptionStore restarted = store();
        try {
            assertThat(restarted.find(saved.id())).hasValueSatisfying(loaded -> {
                assertThat(loaded).isEqualTo(saved);
                assertThat(loaded.secrets()).extracting(SigningSecret::value)
                        .containsExactly("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            });
        } finally {
            restarted.stop(null);
        }
    }

    private static SubscriptionStore store() {
        NotifierConfig config = new NotifierConfig() {
            @Override
            public Duration writeTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Delivery delivery() {
                return null;
            }
        };
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", TestStack.bootstrapServers()));
        SubscriptionStore store = new SubscriptionStore(clients, new Supervisor(Clock.systemUTC()), config,
                new RegistryAvroSerdes(TestStack.nativeApiUrl(), false));
        store.start(null);
        return store;
    }
}
