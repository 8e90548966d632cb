package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import dev.incidents.schemas.ServiceAccess;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates every topic of {@link IncidentTopic} and registers every released schema version under its subject with
 * the subject's compatibility mode, through the registry's Confluent-compatible API. Safe to run again: existing
 * topics are left alone and re-registering a known schema returns its id.
 */
public final class Provisioner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration SHOWN_POLL = Duration.ofMillis(100);
    private static final int SCRAM_ITERATIONS = 8192;
    private final Map<String, Object> adminSettings;
    private final RegistryEndpoint registry;

    public Provisioner(String bootstrapServers, String confluentApiUrl) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), confluentApiUrl);
    }

    /** @param adminSettings the admin client's settings: where Kafka is and, on a secured cluster, how to sign in */
    public Provisioner(Map<String, Object> adminSettings, String confluentApiUrl) {
        this(adminSettings, RegistryEndpoint.open(confluentApiUrl));
    }

    /** @param registry where the registry is and, when it is secured, how to reach it */
    public Provisioner(Map<String, Object> adminSettings, RegistryEndpoint registry) {
        this.adminSettings = Map.copyOf(adminSettings);
        this.registry = registry;
    }

    public void provision(int partitions, short replicationFactor) throws IOException, InterruptedException {
        createTopics(partitions, replicationFactor);
        registerSchemas();
    }

    /** Registers every released schema version under its subject, and sets each subject's compatibility mode. */
    public void registerSchemas() throws IOException, InterruptedException {
        for (IncidentTopic<?> topic : IncidentTopic.values()) {
            if (topic.valueSubject().isPresent()) {
                registerSubject(topic);
            }
        }
    }

    /**
     * Grants each service's principal the ACLs {@link KafkaAcls} makes from its {@link ServiceAccess}; needs a
     * principal that may alter ACLs. Safe to run again: an ACL that exists is left as it is. Returns once the
     * broker answering shows every ACL: a broker applies new ACLs from the metadata log a moment after the controller
     * accepted them, and a service started in between would be refused.
     *
     * @param principals each service's principal, such as {@code User:incident-commands}
     */
    public void grantAccess(Map<ServiceAccess, String> principals) throws InterruptedException {
        grant(principals.entrySet().stream()
                .flatMap(entry -> KafkaAcls.of(entry.getKey(), entry.getValue()).stream()).toList());
    }

    /** Creates the ACLs and returns once the broker answering shows them all. */
    public void grant(List<AclBinding> acls) throws InterruptedException {
        try (Admin admin = Admin.create(adminSettings)) {
            admin.createAcls(acls).all().get();
            Set<AclBinding> missing = new HashSet<>(acls);
            awaitShown(() -> missing.size() + " of the ACLs granted, such as " + missing.iterator().next(), () -> {
                missing.removeAll(admin.describeAcls(AclBindingFilter.ANY).values().get());
                return missing.isEmpty();
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the services' ACLs", e.getCause());
        }
    }

    /**
     * Creates or updates each user's SCRAM-SHA-512 credential (what Strimzi's user operator does for a
     * {@code KafkaUser}), and returns once the broker answering knows them all.
     *
     * @param passwords each user's password, by user name
     */
    public void upsertScramUsers(Map<String, String> passwords) throws InterruptedException {
        try (Admin admin = Admin.create(adminSettings)) {
            admin.alterUserScramCredentials(passwords.entrySet().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.getValue()))
                    .toList()).all().get();
            awaitShown(() -> "the users " + passwords.keySet(),
                    () -> admin.describeUserScramCredentials().users().get().containsAll(passwords.keySet()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the users' SCRAM credentials", e.getCause());
        }
    }

    /** A question to the broker answering: has it applied what the controller accepted? */
    private interface Shown {
        boolean yet() throws ExecutionException, InterruptedException;
    }

    /**
     * Returns once the broker answering shows {@code what}: a broker applies users and ACLs from the metadata log a
     * moment after the controller accepted them.
     */
    private static void awaitShown(Supplier<String> what, Shown shown)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + SHOWN_WITHIN.toNanos();
        while (!shown.yet()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker does not show " + what.get() + " "
                        + SHOWN_WITHIN.toSeconds() + " s after they were accepted");
            }
            Thread.sleep(SHOWN_POLL.toMillis());
        }
    }

    /** Creates missing topics and brings the settings of existing ones up to date (partition counts stay). */
    public void createTopics(int partitions, short replicationFactor) throws InterruptedException {
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = IncidentTopic.values().stream()
                    .filter(topic -> !existing.contains(topic.topicName()))
                    .map(topic -> new NewTopic(topic.topicName(), partitions, replicationFactor).configs(configs(topic)))
                    .toList();
            createMissing(admin, missing);
            admin.incrementalAlterConfigs(IncidentTopic.values().stream()
                    .filter(topic -> existing.contains(topic.topicName()))
                    .collect(Collectors.toMap(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                            topic -> configs(topic).entrySet().stream().map(setting -> new AlterConfigOp(
                                    new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET))
                                    .toList()))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot update the settings of existing topics", e.getCause());
        }
    }

    private static void createMissing(Admin admin, List<NewTopic> missing) throws InterruptedException {
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topics", e.getCause());
            }
        }
    }

    static Map<String, String> configs(IncidentTopic<?> topic) {
        Map<String, String> configs = new HashMap<>();
        IncidentTopic.Retention retention = topic.retention();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                retention.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.retentionMs()));
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                retention.brokerTimestamps() ? "LogAppendTime" : "CreateTime");
        return configs;
    }

    private void registerSubject(IncidentTopic<?> topic) throws IOException, InterruptedException {
        String subject = topic.valueSubject().orElseThrow();
        List<Schema> versions = ReleasedSchemas.of(subject);
        for (int i = 0; i < versions.size(); i++) {
            register(subject, versions.get(i));
            if (i == 0) {
                setCompatibility(subject, topic.compatibility().name());
            }
        }
    }

    private void register(String subject, Schema schema) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        send(registry.request("/subjects/" + subject + "/versions")
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "register " + subject);
    }

    private void setCompatibility(String subject, String mode) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("compatibility", mode));
        send(registry.request("/config/" + subject)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), "set compatibility of " + subject);
    }

    private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = registry.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Registry refused to " + what + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
