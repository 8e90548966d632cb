package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The realm the local stack imports, on a real Keycloak: who gets which roles, for which audience. */
class IdentityProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static IdentityProvider keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        keycloak = IdentityProvider.start(Path.of(System.getProperty("keycloak.home")), ManagedProcess.freePort(),
                data, logs.resolve("keycloak.log"));
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void each_person_signs_in_with_the_roles_of_their_job_and_the_services_audience() throws Exception {
        Map<String, List<String>> roles = Map.of(
                "commander", List.of("incident-commander", "incident-responder", "incident-viewer"),
                "responder", List.of("incident-responder", "incident-viewer"),
                "viewer", List.of("incident-viewer"),
                "notifier-admin", List.of("notifier-admin", "incident-viewer"),
                "incident-admin", List.of("incident-admin", "incident-commander", "incident-responder",
                        "incident-viewer", "incident-emitter", "notifier-admin"));

        for (var person : roles.entrySet()) {
            JsonNode claims = claims(keycloak.tokens().of(person.getKey()));

            assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUrl());
            assertThat(claims.path("aud").asText()).isEqualTo("incidents-api");
            assertThat(claims.path("preferred_username").asText()).isEqualTo(person.getKey());
            assertThat(realmRoles(claims)).as(person.getKey()).containsExactlyInAnyOrderElementsOf(person.getValue());
        }
    }

    @Test
    void machines_sign_in_with_client_credentials_each_with_its_one_role() throws Exception {
        Map<String, JsonNode> machines = Map.of(
                "incident-emitter", claims(keycloak.tokens().ofEmitter()),
                "timeline-projection", claims(keycloak.tokens().ofPeer()));
        Map<String, String> roles = Map.of("incident-emitter", "incident-emitter",
                "timeline-projection", "incident-peer");

        machines.forEach((client, claims) -> {
            assertThat(claims.path("aud").asText()).as(client).isEqualTo("incidents-api");
            assertThat(claims.path("client_id").asText()).isEqualTo(client);
            assertThat(realmRoles(claims)).as(client).containsExactly(roles.get(client));
        });
    }

    @Test
    void registry_clients_get_tokens_for_the_registry_alone_the_services_to_read_the_provisioner_to_write()
            throws Exception {
        Map<String, String> roles = Map.of("incident-commands-registry", "sr-readonly",
                "timeline-projection-registry", "sr-readonly", "notifier-service-registry", "sr-readonly",
                "incidents-provisioner", "sr-developer");

        for (var client : roles.entrySet()) {
            JsonNode claims = claims(keycloak.tokens().ofClient(client.getKey()));

            assertThat(claims.path("aud").asText()).as(client.getKey()).isEqualTo(RegistryServer.AUDIENCE);
            assertThat(realmRoles(claims)).as(client.getKey()).containsExactly(client.getValue());
        }
    }

    @Test
    void the_token_endpoint_lets_only_an_allowed_dashboard_origin_read_its_answers() throws Exception {
        String dashboard = "http://127.0.0.1:" + ManagedProcess.freePort();

        String before = corsAnswer(dashboard);
        keycloak.allowDashboardOrigin(dashboard);
        keycloak.allowDashboardOrigin(dashboard);

        assertThat(before).isNull();
        assertThat(corsAnswer(dashboard)).isEqualTo(dashboard);
        assertThat(corsAnswer("http://127.0.0.1:1")).isNull();
    }

    @Test
    void the_dashboard_signs_in_back_to_any_loopback_port_and_to_no_other_host() throws Exception {
        assertThat(authorizationPage("http://127.0.0.1:8082/dashboard/").statusCode()).isEqualTo(200);
        assertThat(authorizationPage("http://127.0.0.1:41234/dashboard/").statusCode()).isEqualTo(200);
        HttpResponse<String> elsewhere = authorizationPage("http://attacker.example/dashboard/");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("redirect_uri");
    }

    @Test
    void a_wrong_password_gets_no_token() {
        assertThatThrownBy(() -> keycloak.tokens().of("commander", "not-the-password"))
                .hasMessageContaining("HTTP 401");
    }

    /** The origin the token endpoint allows to read its answer to a page of {@code origin}, if any. */
    private static String corsAnswer(String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl())).header("Origin", origin)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id="
                                + IdentityProvider.DASHBOARD_CLIENT + "&code=unknown")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    /** The start of the dashboard's sign-in (authorization code with PKCE): Keycloak's login page, or its refusal. */
    private static HttpResponse<String> authorizationPage(String redirectUri) throws IOException, InterruptedException {
        return authorizationPage(keycloak.issuerUrl(), redirectUri);
    }

    /** The start of a dashboard sign-in at {@code issuer}: its login page, or its refusal of {@code redirectUri}. */
    static HttpResponse<String> authorizationPage(String issuer, String redirectUri)
            throws IOException, InterruptedException {
        String query = "client_id=incidents-dashboard&response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + query)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> realmRoles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
