package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm Kubernetes' Keycloak imports is the one generated from the local realm, holds no person and no local
 * secret, and every placeholder in it is filled by the Keycloak Deployment from the same Secret key the service
 * using that client reads, so that both sides of each client credential always agree.
 */
class ProductionRealmTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @Test
    void the_committed_realm_is_what_the_local_realm_makes() throws IOException {
        assertThat(Files.readString(BASE.resolve(ProductionRealm.FILE)))
                .as("the local realm changed: run deploy/generate.sh and commit")
                .isEqualTo(ProductionRealm.json());
    }

    @Test
    void it_holds_service_accounts_but_no_people_no_password_grants_and_no_local_secret() throws IOException {
        JsonNode realm = JSON.readTree(ProductionRealm.json());

        assertThat(realm.path("users").findValuesAsText("username"))
                .isNotEmpty().allMatch(name -> name.startsWith("service-account-"));
        assertThat(realm.path("users").findValues("credentials")).isEmpty();
        assertThat(realm.path("clients").findValuesAsText("directAccessGrantsEnabled")).doesNotContain("true");
        assertThat(realm.path("clients").findValuesAsText("secret")).hasSize(ProductionRealm.machineClients().size())
                .allMatch(secret -> PLACEHOLDER.matcher(secret).matches());
        assertThat(realm.toString()).doesNotContain("local-secret", "127.0.0.1");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }

    @Test
    void keycloak_is_given_every_placeholder_of_the_realm() throws IOException {
        Map<String, EnvVar> keycloak = environment("keycloak");
        Matcher placeholders = PLACEHOLDER.matcher(ProductionRealm.json());
        List<String> used = new ArrayList<>();
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }

        assertThat(used).contains(ProductionRealm.DASHBOARD_URL);
        assertThat(keycloak.keySet()).containsAll(used);
    }

    @Test
    void each_service_reads_its_client_secret_from_the_secret_key_keycloak_reads_it_from() throws IOException {
        Map<String, EnvVar> keycloak = environment("keycloak");
        for (String service : List.of("incident-commands", "timeline-projection", "notifier-service")) {
            String registryClient = settings(service).getProperty("incidents.registry.client-id");
            assertThat(secretOf(environment(service).get("INCIDENTS_REGISTRY_CLIENT_SECRET"))).as(service)
                    .isEqualTo(secretOf(keycloak.get(ProductionRealm.secretVariable(registryClient))));
        }
        assertThat(secretOf(environment("timeline-projection").get("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET")))
                .isEqualTo(secretOf(keycloak.get(ProductionRealm.secretVariable(Tokens.PEER_CLIENT))));
    }

    private static String secretOf(EnvVar variable) {
        assertThat(variable).isNotNull();
        SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
        return secret.getName() + "/" + secret.getKey();
    }

    private static Map<String, EnvVar> environment(String deployment) throws IOException {
        Deployment found = KubernetesYaml.manifests(BASE, Deployment.class).stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(deployment)).findFirst().orElseThrow();
        return found.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, variable -> variable));
    }

    private static Properties settings(String service) throws IOException {
        ConfigMap config = KubernetesYaml.manifests(BASE, ConfigMap.class).stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(service)).findFirst().orElseThrow();
        Properties properties = new Properties();
        properties.load(new StringReader(config.getData().get("application.properties")));
        return properties;
    }
}
