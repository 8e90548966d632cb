package dev.incidents.deploy;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Strimzi resources made from the catalogs, so that Kubernetes gets the same topics and ACLs as provisioning
 * does, written once: a {@code KafkaTopic} per {@link IncidentTopic} (its retention, compaction and timestamp type as
 * {@link Provisioner} sets them) and a {@code KafkaUser} per {@link ServiceAccess} (SCRAM-SHA-512, the ACLs of
 * {@link KafkaAcls}). {@code main} writes them under {@code deploy/kubernetes/base}; a test fails when the files
 * there differ from what this class makes.
 */
public final class StrimziResources {

    /** The {@code strimzi.io/cluster} label: the name of the {@code Kafka} resource the topics and users belong to. */
    public static final String CLUSTER = "incidents";
    static final int PARTITIONS = 6;
    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC_REPLICAS = 2;
    private static final String HEADER = "# Generated from the topic and access catalogs by StrimziResources (deploy); "
            + "do not edit.\n";

    private StrimziResources() {
    }

    /** Writes {@code kafka-topics.yaml} and {@code kafka-users.yaml} into {@code args[0]} (deploy/kubernetes/base). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "deploy/kubernetes/base");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("kafka-topics.yaml"), topics());
        Files.writeString(folder.resolve("kafka-users.yaml"), users());
    }

    /** Every topic of the catalog as a {@code KafkaTopic}. */
    public static String topics() {
        StringBuilder yaml = new StringBuilder(HEADER);
        for (IncidentTopic<?> topic : IncidentTopic.values().stream()
                .sorted(Comparator.comparing(IncidentTopic::topicName)).toList()) {
            yaml.append("---\n")
                    .append(resource("KafkaTopic", topic.topicName()))
                    .append("spec:\n")
                    .append("  partitions: ").append(PARTITIONS).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n");
            Map<String, String> config = new TreeMap<>(Provisioner.configs(topic));
            config.put("min.insync.replicas", String.valueOf(MIN_IN_SYNC_REPLICAS));
            config.forEach((key, value) -> yaml.append("    ").append(key).append(": \"").append(value)
                    .append("\"\n"));
        }
        return yaml.toString();
    }

    /** Every service as a SCRAM-SHA-512 {@code KafkaUser} holding exactly its ACLs. */
    public static String users() {
        StringBuilder yaml = new StringBuilder(HEADER);
        for (ServiceAccess access : ServiceAccess.values()) {
            yaml.append("---\n")
                    .append(resource("KafkaUser", access.service()))
                    .append("spec:\n")
                    .append("  authentication:\n")
                    .append("    type: scram-sha-512\n")
                    .append("  authorization:\n")
                    .append("    type: simple\n")
                    .append("    acls:\n");
            operationsByResource(KafkaAcls.of(access, KafkaAcls.principal(access))).forEach((pattern, operations) ->
                    yaml.append("      - resource:\n")
                            .append("          type: ").append(resourceType(pattern.resourceType())).append('\n')
                            .append("          name: ").append(pattern.name()).append('\n')
                            .append("          patternType: ").append(patternType(pattern.patternType())).append('\n')
                            .append("        operations: [")
                            .append(String.join(", ", operations.stream().map(StrimziResources::operation).toList()))
                            .append("]\n"));
        }
        return yaml.toString();
    }

    private static String resource(String kind, String name) {
        return "apiVersion: kafka.strimzi.io/v1beta2\n"
                + "kind: " + kind + "\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "  labels:\n"
                + "    strimzi.io/cluster: " + CLUSTER + "\n";
    }

    private static Map<ResourcePattern, List<AclOperation>> operationsByResource(List<AclBinding> acls) {
        Map<ResourcePattern, List<AclOperation>> grouped = new LinkedHashMap<>();
        acls.forEach(acl -> grouped.computeIfAbsent(acl.pattern(), pattern -> new ArrayList<>())
                .add(acl.entry().operation()));
        return grouped;
    }

    static String resourceType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
            case CLUSTER -> "cluster";
            default -> throw new IllegalArgumentException("Strimzi has no ACL resource type for " + type);
        };
    }

    static String patternType(PatternType type) {
        return switch (type) {
            case LITERAL -> "literal";
            case PREFIXED -> "prefix";
            default -> throw new IllegalArgumentException("Strimzi has no ACL pattern type for " + type);
        };
    }

    /** Kafka's READ as Strimzi's Read, DESCRIBE_CONFIGS as DescribeConfigs. */
    static String operation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
