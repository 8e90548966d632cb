package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Strimzi resources under deploy/kubernetes/base are what the catalogs make, and read through Strimzi's own
 * model (no field it does not know) they give every topic of the catalog its settings and every service exactly the
 * ACLs provisioning grants.
 */
class StrimziResourcesTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String REGENERATE = "the catalogs changed: run deploy/kubernetes/generate.sh and commit";

    @Test
    void the_committed_files_are_what_the_catalogs_make() throws IOException {
        assertThat(Files.readString(BASE.resolve("kafka-topics.yaml"))).as(REGENERATE)
                .isEqualTo(StrimziResources.topics());
        assertThat(Files.readString(BASE.resolve("kafka-users.yaml"))).as(REGENERATE)
                .isEqualTo(StrimziResources.users());
    }

    @Test
    void every_topic_of_the_catalog_has_its_kafka_topic_with_its_settings() throws IOException {
        Map<String, KafkaTopic> topics = read("kafka-topics.yaml", KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getMetadata().getName(), Function.identity()));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                IncidentTopic.values().stream().map(IncidentTopic::topicName).toList());
        for (IncidentTopic<?> topic : IncidentTopic.values()) {
            KafkaTopic resource = topics.get(topic.topicName());
            assertThat(resource.getSpec().getAdditionalProperties()).as("fields Strimzi does not know")
                    .isNullOrEmpty();
            assertThat(resource.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    StrimziResources.CLUSTER);
            assertThat(resource.getSpec().getReplicas()).isEqualTo(StrimziResources.REPLICAS);
            Map<String, Object> expected = new HashMap<>(Provisioner.configs(topic));
            expected.put("min.insync.replicas", String.valueOf(StrimziResources.MIN_IN_SYNC_REPLICAS));
            assertThat(resource.getSpec().getConfig()).as(topic.topicName()).isEqualTo(expected);
        }
    }

    @Test
    void every_service_has_a_scram_user_with_exactly_the_acls_provisioning_grants() throws IOException {
        Map<String, KafkaUser> users = read("kafka-users.yaml", KafkaUser.class).stream()
                .collect(Collectors.toMap(user -> user.getMetadata().getName(), Function.identity()));

        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(
                ServiceAccess.values().stream().map(ServiceAccess::service).toList());
        for (ServiceAccess access : ServiceAccess.values()) {
            KafkaUser user = users.get(access.service());
            assertThat(user.getSpec().getAdditionalProperties()).as("fields Strimzi does not know").isNullOrEmpty();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> rules = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertThat(rules.stream().flatMap(StrimziResourcesTest::asKafka).toList()).as(access.service())
                    .containsExactlyInAnyOrderElementsOf(KafkaAcls.of(access, KafkaAcls.principal(access))
                            .stream().map(StrimziResourcesTest::describe).toList());
        }
    }

    /** A Strimzi rule as the ACLs it stands for, each as "type name patternType Operation" (literal by default). */
    private static Stream<String> asKafka(AclRule rule) {
        JsonNode resource = YAML.valueToTree(rule.getResource());
        assertThat(rule.getAdditionalProperties()).as("fields Strimzi does not know").isNullOrEmpty();
        assertThat(rule.getResource().getAdditionalProperties()).as("fields Strimzi does not know").isNullOrEmpty();
        return rule.getOperations().stream().map(operation -> resource.path("type").asText() + " "
                + resource.path("name").asText() + " " + resource.path("patternType").asText("literal") + " "
                + YAML.valueToTree(operation).asText());
    }

    private static String describe(AclBinding acl) {
        return StrimziResources.resourceType(acl.pattern().resourceType()) + " " + acl.pattern().name() + " "
                + StrimziResources.patternType(acl.pattern().patternType()) + " "
                + StrimziResources.operation(acl.entry().operation());
    }

    private static <T> List<T> read(String file, Class<T> type) throws IOException {
        try (MappingIterator<T> resources = YAML.readerFor(type).readValues(BASE.resolve(file).toFile())) {
            return resources.readAll();
        }
    }
}
