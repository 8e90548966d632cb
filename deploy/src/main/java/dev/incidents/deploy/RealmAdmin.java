package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the local realm that depend on where the stack runs, made through Keycloak's admin API as its
 * bootstrap administrator: the dashboard's origin, which a browser must be allowed to call the token endpoint from,
 * is only known once the projection's port is. Also reads who a realm holds, for the tests.
 */
final class RealmAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String realm;

    RealmAdmin(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    /** Adds {@code origin} (scheme, host, port) to the web origins of client {@code clientId}, once. */
    void allowWebOrigin(String clientId, String origin) {
        String token = adminToken();
        JsonNode found = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm
                + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).GET().build());
        if (found.isEmpty()) {
            throw new IllegalStateException("Realm " + realm + " has no client " + clientId);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode origins = client.withArray("webOrigins");
        for (JsonNode known : origins) {
            if (known.asText().equals(origin)) {
                return;
            }
        }
        origins.add(origin);
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/clients/"
                        + client.get("id").asText()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build());
    }

    /** The usernames of the realm's users. */
    List<String> usernames() {
        List<String> names = new ArrayList<>();
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users?max=10000"))
                .header("Authorization", "Bearer " + adminToken()).GET().build())
                .forEach(user -> names.add(user.path("username").asText()));
        return names;
    }

    private String adminToken() {
        return new Tokens(baseUrl + "/realms/master/protocol/openid-connect/token", "admin-cli")
                .of(IdentityProvider.ADMIN_USER, IdentityProvider.ADMIN_PASSWORD);
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": HTTP "
                        + answer.statusCode() + " " + answer.body());
            }
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak's admin API", e);
        }
    }
}
