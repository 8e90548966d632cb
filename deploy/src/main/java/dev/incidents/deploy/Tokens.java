package dev.incidents.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from a local {@link IdentityProvider}, for the local realm's people (password grant through the CLI
 * client; each password is the user name followed by {@code -local}) and its machines (client credentials).
 */
public final class Tokens {

    public static final String EMITTER_CLIENT = "incident-emitter";
    /** The client the projection's instances sign in with to ask each other. */
    public static final String PEER_CLIENT = "timeline-projection";
    private static final String PEER_SECRET = localSecret(PEER_CLIENT);
    /** The setting a projection instance needs to ask its peers on the local realm. */
    public static final String PEER_SECRET_SETTING = "quarkus.oidc-client.credentials.secret=" + PEER_SECRET;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;
    private final String passwordClient;

    Tokens(String tokenUrl) {
        this(tokenUrl, "incidents-cli");
    }

    /** @param passwordClient the public client people's password grants go through */
    Tokens(String tokenUrl, String passwordClient) {
        this.tokenUrl = tokenUrl;
        this.passwordClient = passwordClient;
    }

    /** An access token of {@code user} (commander, responder, viewer, notifier-admin, incident-admin). */
    public String of(String user) {
        return of(user, user + "-local");
    }

    /** An access token of {@code user} signing in with {@code password}; refused (an exception) when it is wrong. */
    public String of(String user, String password) {
        return fetch(Map.of("grant_type", "password", "client_id", passwordClient, "username", user,
                "password", password));
    }

    /** An access token of the incident-emitter machine client. */
    public String ofEmitter() {
        return ofClient(EMITTER_CLIENT);
    }

    /** An access token of a projection instance asking its peers. */
    public String ofPeer() {
        return ofClient(PEER_CLIENT);
    }

    /**
     * An access token of a machine client of the local realm, whose secret is its id followed by
     * {@code -local-secret}.
     */
    public String ofClient(String clientId) {
        return ofClient(clientId, localSecret(clientId));
    }

    /** An access token of machine client {@code clientId} (client credentials) from {@code tokenEndpoint}. */
    public static String clientCredentials(String tokenEndpoint, String clientId, String secret) {
        return new Tokens(tokenEndpoint).ofClient(clientId, secret);
    }

    /** The local realm's secret of machine client {@code clientId}. */
    public static String localSecret(String clientId) {
        return clientId + "-local-secret";
    }

    private String ofClient(String clientId, String secret) {
        return fetch(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                String who = form.getOrDefault("username", form.get("client_id"));
                throw new IllegalStateException("No token for " + who + ": HTTP " + answer.statusCode() + " "
                        + answer.body());
            }
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token", e);
        }
    }
}
