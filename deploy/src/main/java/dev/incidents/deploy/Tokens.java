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
 * client; each password is the user name followed by {@code -local}) and its emitter machine (client credentials).
 */
public final class Tokens {

    public static final String EMITTER_CLIENT = "incident-emitter";
    private static final String EMITTER_SECRET = "incident-emitter-local-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;

    Tokens(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** An access token of {@code user} (commander, responder, viewer, notifier-admin, incident-admin). */
    public String of(String user) {
        return of(user, user + "-local");
    }

    /** An access token of {@code user} signing in with {@code password}; refused (an exception) when it is wrong. */
    public String of(String user, String password) {
        return fetch(Map.of("grant_type", "password", "client_id", "incidents-cli", "username", user,
                "password", password));
    }

    /** An access token of the incident-emitter machine client. */
    public String ofEmitter() {
        return fetch(Map.of("grant_type", "client_credentials", "client_id", EMITTER_CLIENT,
                "client_secret", EMITTER_SECRET));
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
                throw new IllegalStateException("No token for " + form.get("username") + ": HTTP "
                        + answer.statusCode() + " " + answer.body());
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
