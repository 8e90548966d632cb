package dev.incidents.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production realm imported by a real Keycloak with its placeholders filled from the environment, as the
 * Kubernetes Deployment does: machine clients sign in with the secrets given, the local ones are refused, no person
 * of the local realm exists, and the dashboard signs people in back to its configured address only.
 */
class ProductionRealmOnKeycloakTest {

    /** Never contacted: a redirect target the authorization endpoint is asked to accept or refuse. */
    private static final String DASHBOARD = "https://ops.incidents.test";
    private static final Map<String, String> SECRETS = new HashMap<>();

    @TempDir
    static Path data;
    private static IdentityProvider keycloak;

    @BeforeAll
    static void startKeycloakWithTheProductionRealm() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(ProductionRealm.DASHBOARD_URL, DASHBOARD));
        for (String client : ProductionRealm.machineClients()) {
            SECRETS.put(client, UUID.randomUUID().toString());
            environment.put(ProductionRealm.secretVariable(client), SECRETS.get(client));
        }
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        keycloak = IdentityProvider.startWithRealm(Path.of(System.getProperty("keycloak.home")),
                ProductionRealm.json().getBytes(StandardCharsets.UTF_8), environment, ManagedProcess.freePort(),
                data, logs.resolve("keycloak-production-realm.log"));
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void every_machine_client_signs_in_with_the_secret_from_the_environment_and_not_the_local_one() {
        assertThat(SECRETS).hasSize(ProductionRealm.machineClients().size());
        SECRETS.forEach((client, secret) -> {
            assertThat(Tokens.clientCredentials(keycloak.tokenUrl(), client, secret)).as(client).isNotBlank();
            assertThatThrownBy(() -> Tokens.clientCredentials(keycloak.tokenUrl(), client,
                    Tokens.localSecret(client))).as(client).hasMessageContaining("HTTP 401");
        });
    }

    @Test
    void no_person_of_the_local_realm_exists() {
        assertThat(new RealmAdmin(keycloak.baseUrl(), IdentityProvider.REALM).usernames())
                .doesNotContain("commander", "responder", "viewer", "notifier-admin", "incident-admin")
                .allMatch(name -> name.startsWith("service-account-"));
    }

    @Test
    void the_dashboard_signs_in_back_to_its_configured_address_only() throws Exception {
        String issuer = keycloak.issuerUrl();

        assertThat(IdentityProviderTest.authorizationPage(issuer, DASHBOARD + "/dashboard/").statusCode())
                .isEqualTo(200);
        assertThat(IdentityProviderTest.authorizationPage(issuer, "http://127.0.0.1:8082/dashboard/").statusCode())
                .isEqualTo(400);
    }
}
