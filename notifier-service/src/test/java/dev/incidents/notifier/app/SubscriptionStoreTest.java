package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionSpec;
import dev.incidents.notifier.wire.SecretSeal;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.StoreUnavailableException;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.Await;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notifier keeps nothing but Kafka: an instance started later knows every subscription, secrets included; the
 * topic holds the secrets only sealed, and an instance started with a new active key seals them again with it.
 */
class SubscriptionStoreTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String KEY_1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String KEY_2 = "HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";

    @Test
    void a_new_instance_loads_every_subscription_from_the_topic() throws Exception {
        TestStack.start();
        Subscription saved;
        SubscriptionStore first = store(mapper("k1", Map.of("k1", KEY_1)));
        try {
            saved = first.save(Subscription.create(UUID.randomUUID().toString(), new SubscriptionSpec(
                    Channel.WEBHOOK, "http://127.0.0.1:9/x", Audience.INTERNAL, null, null, null, null, "fr",
                    "Europe/Paris", "alice", 2, List.of(SECRET)),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        } finally {
            first.stop(null);
        }

        SubscriptionStore restarted = store(mapper("k1", Map.of("k1", KEY_1)));
        try {
            assertThat(restarted.find(saved.id())).hasValueSatisfying(loaded -> {
                assertThat(loaded).isEqualTo(saved);
                assertThat(loaded.secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
            });
        } finally {
            restarted.stop(null);
        }
        assertThat(records(saved.id())).isNotEmpty().allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
                        .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    @Test
    void an_instance_started_with_a_new_active_key_seals_the_stored_secrets_again_so_the_old_key_can_go()
            throws Exception {
        TestStack.start();
        Subscription saved;
        SubscriptionStore before = store(mapper("k1", Map.of("k1", KEY_1)));
        try {
            saved = before.save(Subscription.create(UUID.randomUUID().toString(), new SubscriptionSpec(
                    Channel.WEBHOOK, "http://127.0.0.1:9/y", Audience.PUBLIC, null, null, null, null, "en", "UTC",
                    null, null, List.of(SECRET)), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        } finally {
            before.stop(null);
        }

        SubscriptionStore rotated = store(mapper("k2", Map.of("k1", KEY_1, "k2", KEY_2)));
        try {
            Await.until("the subscription sealed again with k2", Duration.ofSeconds(20),
                    () -> keyIdOfLatest(saved.id()), "k2"::equals);
        } finally {
            rotated.stop(null);
        }

        SubscriptionStore withoutOldKey = store(mapper("k2", Map.of("k2", KEY_2)));
        try {
            assertThat(withoutOldKey.find(saved.id())).hasValue(saved);
        } finally {
            withoutOldKey.stop(null);
        }
    }

    @Test
    void a_change_that_cannot_be_encoded_while_the_registry_is_unreachable_is_unavailable_and_stores_nothing()
            throws Exception {
        TestStack.start();
        String id = UUID.randomUUID().toString();
        // Nothing listens on port 1 of this machine: every schema lookup is refused at once.
        SubscriptionStore cutOff = store(mapper("k1", Map.of("k1", KEY_1)),
                new RegistryAvroSerdes("http://127.0.0.1:1/apis/registry/v3", false));
        try {
            assertThatThrownBy(() -> cutOff.save(Subscription.create(id, new SubscriptionSpec(Channel.WEBHOOK,
                    "http://127.0.0.1:9/z", Audience.INTERNAL, null, null, null, null, "en", "UTC", null, null,
                    List.of(SECRET)), Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains("schema registry", "nothing was stored");
                        assertThat(e.written()).isFalse();
                    });
        } finally {
            cutOff.stop(null);
        }
        assertThat(records(id)).isEmpty();
    }

    private static SubscriptionMapper mapper(String active, Map<String, String> keys) {
        return new SubscriptionMapper(new SecretSeal(active, keys));
    }

    private static List<ConsumerRecord<String, byte[]>> records(String subscriptionId) {
        return TopicReader.readAll(IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName(),
                record -> subscriptionId.equals(record.key()));
    }

    private static String keyIdOfLatest(String subscriptionId) {
        ConsumerRecord<String, byte[]> latest = records(subscriptionId).getLast();
        return new RegistryAvroSerdes(TestStack.nativeApiUrl(), false).forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS)
                .deserializer().deserialize(latest.topic(), latest.headers(), latest.value()).getSigningSecrets()
                .getFirst().getKeyId();
    }

    private static SubscriptionStore store(SubscriptionMapper mapper) {
        return store(mapper, new RegistryAvroSerdes(TestStack.nativeApiUrl(), false));
    }

    private static SubscriptionStore store(SubscriptionMapper mapper, RegistryAvroSerdes serdes) {
        NotifierConfig config = new NotifierConfig() {
            @Override
            public Duration writeTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int maxSubscriptions() {
                return 10;
            }

            @Override
            public int maxComponentsPerSubscription() {
                return 50;
            }

            @Override
            public Duration forgetBriefsAfter() {
                return Duration.ofDays(30);
            }

            @Override
            public Delivery delivery() {
                return null;
            }

            @Override
            public Secrets secrets() {
                return null;
            }

            @Override
            public Email email() {
                return null;
            }

            @Override
            public PublicSignUp publicSignUp() {
                return null;
            }

            @Override
            public StatusPage statusPage() {
                return null;
            }
        };
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", TestStack.bootstrapServers()));
        SubscriptionStore store = new SubscriptionStore(clients, new Supervisor(Clock.systemUTC()), config, serdes,
                mapper);
        store.start(null);
        return store;
    }
}
