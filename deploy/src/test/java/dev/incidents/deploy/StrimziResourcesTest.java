package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ServiceAccess;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
    private static final String REGENERATE = "the catalogs changed: run deploy/generate.sh and commit";

    @Test
    void the_committed_files_are_what_the_catalogs_make() throws IOException {
        assertThat(Files.readString(BASE.resolve("kafka-topics.yaml"))).as(REGENERATE)
                .isEqualTo(StrimziResources.topics());
        assertThat(Files.readString(BASE.resolve("kafka-users.yaml"))).as(REGENERATE)
                .isEqualTo(StrimziResources.users());
    }

    @Test
    void every_topic_of_the_catalog_has_its_kafka_topic_with_its_settings() throws Exception {
        Map<String, KafkaTopic> topics = byName(KubernetesYaml.read(BASE.resolve("kafka-topics.yaml"),
                KafkaTopic.class));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                IncidentTopic.values().stream().map(IncidentTopic::topicName).toList());
        for (IncidentTopic<?> topic : IncidentTopic.values()) {
            KafkaTopic resource = topics.get(topic.topicName());
            assertThat(KubernetesYaml.unknownFields(resource, topic.topicName())).as("fields Strimzi does not know")
                    .isEmpty();
            assertThat(resource.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    StrimziResources.CLUSTER);
            assertThat(resource.getSpec().getReplicas()).isEqualTo(StrimziResources.REPLICAS);
            Map<String, Object> expected = new HashMap<>(Provisioner.configs(topic));
            expected.put("min.insync.replicas", String.valueOf(StrimziResources.MIN_IN_SYNC_REPLICAS));
            assertThat(resource.getSpec().getConfig()).as(topic.topicName()).isEqualTo(expected);
        }
    }

    @Test
    void every_service_has_a_scram_user_with_exactly_the_acls_provisioning_grants() throws Exception {
        Map<String, KafkaUser> users = byName(KubernetesYaml.read(BASE.resolve("kafka-users.yaml"),
                KafkaUser.class));

        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(
                ServiceAccess.values().stream().map(ServiceAccess::service).toList());
        for (ServiceAccess access : ServiceAccess.values()) {
            KafkaUser user = users.get(access.service());
            assertThat(KubernetesYaml.unknownFields(user, access.service())).as("fields Strimzi does not know")
                    .isEmpty();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> rules = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertThat(rules.stream().flatMap(StrimziResourcesTest::asKafka).toList()).as(access.service())
                    .containsExactlyInAnyOrderElementsOf(KafkaAcls.of(access, KafkaAcls.principal(access))
                            .stream().map(StrimziResourcesTest::describe).toList());
        }
    }

    /** A Strimzi rule as the ACLs it stands for, each as "type name patternType Operation" (literal by default). */
    private static Stream<String> asKafka(AclRule rule) {
        JsonNode resource = KubernetesYaml.YAML.valueToTree(rule.getResource());
        return rule.getOperations().stream().map(operation -> resource.path("type").asText() + " "
                + resource.path("name").asText() + " " + resource.path("patternType").asText("literal") + " "
                + KubernetesYaml.YAML.valueToTree(operation).asText());
    }

    private static String describe(AclBinding acl) {
        return StrimziResources.resourceType(acl.pattern().resourceType()) + " " + acl.pattern().name() + " "
                + StrimziResources.patternType(acl.pattern().patternType()) + " "
                + StrimziResources.operation(acl.entry().operation());
    }

    private static <T extends HasMetadata> Map<String, T> byName(List<T> resources) {
        return resources.stream().collect(Collectors.toMap(resource -> resource.getMetadata().getName(),
                Function.identity()));
    }
}
