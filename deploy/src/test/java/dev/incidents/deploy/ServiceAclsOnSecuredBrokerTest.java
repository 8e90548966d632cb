package dev.incidents.deploy;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The ACLs provisioning grants, on a broker secured as production is (SCRAM-SHA-512 over TLS, KRaft's
 * StandardAuthorizer allowing nothing without an ACL): each service signs in as its own user, may do what its
 * {@link ServiceAccess} says and is refused the rest; a client without the right credentials gets nothing.
 */
class ServiceAclsOnSecuredBrokerTest {

    private static KafkaBroker kafka;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        kafka = KafkaBroker.startSecured(Files.createTempDirectory("secured-kafka"),
                Files.createDirectories(Path.of("target", "it-logs")).resolve("secured-kafka.log"),
                password(KafkaBroker.ADMIN));
        Provisioner provisioner = new Provisioner(kafka.adminSettings(), "http://127.0.0.1:9/unused");
        provisioner.createTopics(1, (short) 1);
        provisioner.upsertScramUsers(ServiceAccess.values().stream()
                .collect(Collectors.toMap(ServiceAccess::service, access -> password(access.service()))));
        provisioner.grantAccess(ServiceAccess.values().stream()
                .collect(Collectors.toMap(Function.identity(), KafkaAcls::principal)));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void a_client_without_the_right_password_or_without_tls_is_refused() {
        assertThatThrownBy(() -> listTopics(kafka.clientSettings("incident-commands", "guessed"))).hasCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> plaintext = new HashMap<>(signedIn("incident-commands"));
        plaintext.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        assertThatThrownBy(() -> listTopics(plaintext)).isInstanceOf(ExecutionException.class);

        assertThat(catchThrowable(() -> listTopics(signedIn("incident-commands")))).isNull();
    }

    @Test
    void each_service_writes_the_topics_it_writes_and_is_refused_every_other() throws Exception {
        for (ServiceAccess access : ServiceAccess.values()) {
            try (KafkaProducer<String, String> producer = producer(access, Map.of())) {
                for (IncidentTopic<?> topic : IncidentTopic.values()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic.topicName(), "k", "v");
                    if (access.writes().contains(topic)) {
                        assertThat(producer.send(record).get().topic()).isEqualTo(topic.topicName());
                    } else {
                        assertThatThrownBy(() -> producer.send(record).get()).as("%s writing %s", access.service(),
                                topic).hasCauseInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void each_service_reads_its_topics_in_its_groups_and_is_refused_other_topics() {
        for (ServiceAccess access : ServiceAccess.values()) {
            for (String group : groups(access)) {
                try (KafkaConsumer<String, String> consumer = consumer(access, group)) {
                    consumer.subscribe(access.readTopicNames());
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                        consumer.poll(Duration.ofMillis(200));
                    }
                    assertThat(consumer.assignment()).as("%s joined group %s", access.service(), group)
                            .hasSize(access.reads().size());
                    consumer.commitSync();
                }
            }
            IncidentTopic<?> unread = IncidentTopic.values().stream().filter(t -> !access.reads().contains(t))
                    .findFirst().orElseThrow();
            try (KafkaConsumer<String, String> consumer = consumer(access, access.streamsApplicationId())) {
                consumer.subscribe(List.of(unread.topicName()));
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5))).as("%s reading %s",
                        access.service(), unread).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void a_streams_app_may_use_transactions_and_internal_topics_under_its_application_id_only() throws Exception {
        for (ServiceAccess access : ServiceAccess.values()) {
            String app = access.streamsApplicationId();
            try (KafkaProducer<String, String> own = producer(access,
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, app + "-0_1"))) {
                own.initTransactions();
            }
            try (KafkaProducer<String, String> other = producer(access,
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "somebody-else-0_1"))) {
                assertThatThrownBy(other::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
            }
            try (Admin admin = Admin.create(signedIn(access.service()))) {
                admin.createTopics(List.of(new NewTopic(app + "-store-changelog", 1, (short) 1))).all().get();
                assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("not-" + app + "-changelog", 1,
                        (short) 1))).all().get()).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    private static List<String> groups(ServiceAccess access) {
        return Stream.concat(Stream.of(access.streamsApplicationId()), access.groups().stream()).toList();
    }

    private static KafkaProducer<String, String> producer(ServiceAccess access, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(signedIn(access.service()));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.putAll(extra);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(ServiceAccess access, String group) {
        Map<String, Object> settings = new HashMap<>(signedIn(access.service()));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private static void listTopics(Map<String, Object> settings) throws Exception {
        Map<String, Object> quick = new HashMap<>(settings);
        quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
        quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(quick)) {
            admin.listTopics().names().get();
        }
    }

    private static Map<String, Object> signedIn(String user) {
        return kafka.clientSettings(user, password(user));
    }

    private static String password(String user) {
        return user + "-secret";
    }
}
