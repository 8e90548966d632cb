package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Kubernetes manifests under deploy/kubernetes/base, read through Kubernetes' own model (Fabric8) and Strimzi's:
 * every resource is of a known kind and version with no field its schema lacks, and they hold what running this
 * system needs (probes, sizes, disruption budgets, zone spread, secrets only by reference, a public ingress that
 * exposes only the public paths, peers-only access to the projection, a rack-aware KRaft cluster that authorizes).
 */
class KubernetesManifestsTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final ObjectMapper YAML = KubernetesYaml.YAML;
    private static final Map<String, Kind> KINDS = Map.of(
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "Service", new Kind("v1", Service.class),
            "Deployment", new Kind("apps/v1", Deployment.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class),
            "NetworkPolicy", new Kind("networking.k8s.io/v1", NetworkPolicy.class),
            "Ingress", new Kind("networking.k8s.io/v1", Ingress.class),
            "Kafka", new Kind("kafka.strimzi.io/v1beta2", Kafka.class),
            "KafkaNodePool", new Kind("kafka.strimzi.io/v1beta2", KafkaNodePool.class),
            "KafkaTopic", new Kind("kafka.strimzi.io/v1beta2", KafkaTopic.class),
            "KafkaUser", new Kind("kafka.strimzi.io/v1beta2", KafkaUser.class));
    private static final List<String> SERVICES = List.of("incident-commands", "timeline-projection",
            "notifier-service");

    private record Kind(String apiVersion, Class<?> model) {
    }

    @Test
    void the_kustomization_lists_every_manifest_of_the_base_and_nothing_else() throws IOException {
        JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));

        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList());
        }
    }

    @Test
    void every_resource_is_of_a_known_kind_and_version_with_no_field_its_schema_lacks() throws Exception {
        for (JsonNode resource : all()) {
            String kind = resource.path("kind").asText();
            String name = kind + "/" + resource.path("metadata").path("name").asText();
            assertThat(KINDS).as(name).containsKey(kind);
            assertThat(resource.path("apiVersion").asText()).as(name).isEqualTo(KINDS.get(kind).apiVersion());
            assertThat(KubernetesYaml.unknownFields(YAML.treeToValue(resource, KINDS.get(kind).model()), name))
                    .isEmpty();
        }
    }

    /** Needs kubectl (its built-in kustomize) on the PATH; reported as skipped where there is none. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void each_overlay_builds_into_resources_known_to_their_schemas(String overlay) throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process build = new ProcessBuilder("kubectl", "kustomize", Path.of("kubernetes", "overlays", overlay)
                .toString()).redirectErrorStream(true).start();
        String built = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor()).as(built).isZero();

        List<JsonNode> resources = KubernetesYaml.documents(built);
        assertThat(resources).hasSizeGreaterThan(30);
        for (JsonNode resource : resources) {
            String name = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            assertThat(KubernetesYaml.unknownFields(YAML.treeToValue(resource,
                    KINDS.get(resource.path("kind").asText()).model()), overlay + ": " + name)).isEmpty();
        }
    }

    @Test
    void each_service_has_probes_a_fixed_memory_size_a_zone_spread_and_a_disruption_budget() throws IOException {
        List<PodDisruptionBudget> budgets = of(PodDisruptionBudget.class);
        List<Deployment> deployments = of(Deployment.class);
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).endsWith("/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).endsWith("/health/live");
            assertThat(container.getResources().getLimits().get("memory")).as(name)
                    .isEqualTo(container.getResources().getRequests().get("memory"));
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).as(name)
                    .anyMatch(spread -> spread.getTopologyKey().equals("topology.kubernetes.io/zone"));
            assertThat(budgets).as(name + "'s disruption budget").anyMatch(budget -> deployment.getSpec()
                    .getTemplate().getMetadata().getLabels().entrySet().containsAll(
                            budget.getSpec().getSelector().getMatchLabels().entrySet()));
            assertThat(container.getEnv()).as(name + ": secrets only by reference")
                    .filteredOn(env -> env.getName().matches(".*(PASSWORD|SECRET|JAAS).*"))
                    .allMatch(env -> env.getValue() == null && env.getValueFrom() != null);
        }
        assertThat(deployments.stream().map(deployment -> deployment.getMetadata().getName()))
                .containsAll(SERVICES).contains("keycloak");
    }

    @Test
    void the_public_ingress_exposes_only_the_public_paths_of_the_projection_and_the_notifier() throws IOException {
        List<HTTPIngressPath> paths = paths("public-status");

        assertThat(paths).filteredOn(path -> path.getBackend().getService().getName().equals("timeline-projection"))
                .extracting(HTTPIngressPath::getPath)
                .containsExactlyInAnyOrder("/status/", "/shared/", "/public/", "/api/v2/", "/history.atom");
        assertThat(paths).filteredOn(path -> path.getBackend().getService().getName().equals("notifier-service"))
                .extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                .containsExactlyInAnyOrder(tuple("/public/subscriptions", "Exact"), tuple("/mail/", "Prefix"));
        assertThat(paths).hasSize(7);
    }

    @Test
    void the_identity_ingress_exposes_keycloaks_public_paths_and_not_its_admin_console() throws IOException {
        List<HTTPIngressPath> paths = paths("identity");

        assertThat(paths).extracting(HTTPIngressPath::getPath).containsExactlyInAnyOrder("/realms/", "/resources/",
                "/.well-known/");
        assertThat(paths).allMatch(path -> path.getBackend().getService().getName().equals("keycloak"));
        assertThat(of(Ingress.class)).extracting(ingress -> ingress.getMetadata().getName())
                .containsExactlyInAnyOrder("public-status", "identity");
    }

    @Test
    void keycloak_imports_the_generated_realm_from_a_config_map_the_kustomization_makes() throws IOException {
        JsonNode generator = YAML.readTree(BASE.resolve("kustomization.yaml").toFile()).path("configMapGenerator")
                .get(0);
        Deployment keycloak = of(Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals("keycloak")).findFirst().orElseThrow();
        var pod = keycloak.getSpec().getTemplate().getSpec();

        assertThat(generator.path("files").get(0).asText()).isEqualTo(ProductionRealm.FILE);
        assertThat(pod.getVolumes()).anyMatch(volume -> volume.getConfigMap() != null
                && volume.getConfigMap().getName().equals(generator.path("name").asText()));
        assertThat(pod.getContainers().getFirst().getArgs()).contains("--import-realm");
        assertThat(pod.getContainers().getFirst().getVolumeMounts())
                .anyMatch(mount -> mount.getMountPath().equals("/opt/keycloak/data/import"));
    }

    private static List<HTTPIngressPath> paths(String ingress) throws IOException {
        return of(Ingress.class).stream().filter(found -> found.getMetadata().getName().equals(ingress))
                .flatMap(found -> found.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
    }

    @Test
    void only_peers_the_ingress_controller_and_prometheus_reach_the_projection() throws IOException {
        NetworkPolicy projection = of(NetworkPolicy.class).stream().filter(policy -> "timeline-projection".equals(
                policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))).findFirst()
                .orElseThrow();

        assertThat(projection.getSpec().getIngress()).hasSize(1);
        assertThat(projection.getSpec().getIngress().getFirst().getFrom()).extracting(peer -> peer.getPodSelector()
                        == null ? "namespace " + peer.getNamespaceSelector().getMatchLabels().values()
                        : "pods " + peer.getPodSelector().getMatchLabels().values())
                .containsExactlyInAnyOrder("pods [timeline-projection]", "namespace [ingress-nginx]",
                        "namespace [monitoring]");
    }

    @Test
    void the_kafka_cluster_is_kraft_rack_aware_replicated_and_authorizes_scram_users_over_tls() throws IOException {
        KafkaNodePool pool = of(KafkaNodePool.class).getFirst();
        Kafka kafka = of(Kafka.class).getFirst();

        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(kafka.getMetadata().getName()).isEqualTo(StrimziResources.CLUSTER);
        assertThat(kafka.getSpec().getKafka().getListeners()).allMatch(listener -> listener.isTls()
                && listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512);
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(kafka.getSpec().getKafka().getRack().getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3);
    }

    private static <T> List<T> of(Class<T> model) throws IOException {
        return KubernetesYaml.manifests(BASE, model);
    }

    private static List<JsonNode> all() throws IOException {
        return KubernetesYaml.manifests(BASE);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
