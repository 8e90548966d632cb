package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signing in with the OAuth 2.0 device authorization grant (RFC 8628): the person opens a link in any browser and
 * confirms a code, the terminal never sees a password. The tokens are kept in a file only its owner can read and
 * refreshed when the access token is about to expire. {@code INCIDENTS_TOKEN} in the environment wins over the file
 * (scripts, CI).
 */
final class SignIn implements TokenSource {

    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final HttpClient http;
    private final Endpoints endpoints;
    private final Path file;
    private final String environmentToken;
    private final Clock clock;

    SignIn(HttpClient http, Endpoints endpoints, Path file, String environmentToken, Clock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.file = file;
        this.environmentToken = environmentToken;
        this.clock = clock;
    }

    @Override
    public String accessToken() {
        if (environmentToken != null && !environmentToken.isBlank()) {
            return environmentToken.strip();
        }
        JsonNode stored = stored();
        if (Instant.parse(stored.path("expiresAt").asText()).minus(REFRESH_AHEAD).isAfter(clock.instant())) {
            return stored.path("accessToken").asText();
        }
        return refreshed(stored);
    }

    /** Runs the device flow: says where to confirm, waits until the person has, keeps the tokens. */
    String login(PrintWriter out) {
        JsonNode device = post(discovery().path("device_authorization_endpoint").asText(),
                Map.of("client_id", endpoints.clientId(), "scope", "openid"));
        out.println("To sign in, open " + device.path("verification_uri_complete").asText(
                device.path("verification_uri").asText()));
        out.println("and confirm the code " + device.path("user_code").asText() + ".");
        out.flush();
        Duration every = Duration.ofSeconds(device.path("interval").asLong(5));
        Instant until = clock.instant().plusSeconds(device.path("expires_in").asLong(600));
        while (clock.instant().isBefore(until)) {
            pause(every);
            try {
                return keep(post(tokenEndpoint(), Map.of("grant_type", DEVICE_GRANT, "client_id",
                        endpoints.clientId(), "device_code", device.path("device_code").asText())));
            } catch (ProblemAnswer pending) {
                String error = pending.problem().path("error").asText();
                if (error.equals("slow_down")) {
                    every = every.plusSeconds(5);
                } else if (!error.equals("authorization_pending")) {
                    throw pending;
                }
            }
        }
        throw new ProblemAnswer(Json.MAPPER.createObjectNode().put("title", "Not signed in")
                .put("detail", "The code expired before it was confirmed; run incidentctl login again."),
                ExitCode.NOT_ALLOWED);
    }

    void logout() throws IOException {
        Files.deleteIfExists(file);
    }

    private String refreshed(JsonNode stored) {
        try {
            return keep(post(tokenEndpoint(), Map.of("grant_type", "refresh_token", "client_id",
                    endpoints.clientId(), "refresh_token", stored.path("refreshToken").asText())));
        } catch (ProblemAnswer expired) {
            if (expired.exitCode() == ExitCode.UNAVAILABLE) {
                throw expired;
            }
            throw notSignedIn("The sign-in has expired");
        }
    }

    /** Stores the tokens answered; returns the access token. */
    private String keep(JsonNode tokens) {
        ObjectNode stored = Json.MAPPER.createObjectNode()
                .put("issuer", endpoints.issuer().toString())
                .put("accessToken", tokens.path("access_token").asText())
                .put("refreshToken", tokens.path("refresh_token").asText())
                .put("expiresAt", clock.instant().plusSeconds(tokens.path("expires_in").asLong(60)).toString());
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "login", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, stored.toString());
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ProblemAnswer.unavailable("Signed in, but the sign-in could not be kept in " + file + ": "
                    + e.getMessage());
        }
        return stored.path("accessToken").asText();
    }

    private JsonNode stored() {
        if (!Files.isReadable(file)) {
            throw notSignedIn("Not signed in");
        }
        try {
            JsonNode stored = Json.MAPPER.readTree(file.toFile());
            if (!endpoints.issuer().toString().equals(stored.path("issuer").asText())) {
                throw notSignedIn("Signed in at " + stored.path("issuer").asText() + ", not at "
                        + endpoints.issuer());
            }
            return stored;
        } catch (IOException e) {
            throw notSignedIn("The stored sign-in in " + file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ProblemAnswer notSignedIn(String why) {
        return new ProblemAnswer(Json.MAPPER.createObjectNode().put("title", "Not signed in")
                .put("detail", why + ": run incidentctl login, or set INCIDENTS_TOKEN."), ExitCode.NOT_ALLOWED);
    }

    private String tokenEndpoint() {
        return discovery().path("token_endpoint").asText();
    }

    private JsonNode discovery() {
        String issuer = endpoints.issuer().toString().replaceAll("/$", "");
        return exchange(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    private JsonNode post(String url, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An OAuth error answer ({"error": ...}) is refused with it, so the device flow can tell "pending". */
    private JsonNode exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? Json.MAPPER.createObjectNode()
                    : Json.MAPPER.readTree(response.body());
            if (response.statusCode() >= 300) {
                ObjectNode problem = Json.MAPPER.createObjectNode().put("title", "Sign-in refused")
                        .put("status", response.statusCode())
                        .put("error", body.path("error").asText())
                        .put("detail", body.path("error_description").asText(body.path("error").asText()));
                throw new ProblemAnswer(problem, response.statusCode() >= 500 ? ExitCode.UNAVAILABLE
                        : ExitCode.NOT_ALLOWED);
            }
            return body;
        } catch (IOException e) {
            throw ProblemAnswer.unavailable("Could not reach the identity provider at " + request.uri().getAuthority()
                    + " (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemAnswer.unavailable("Interrupted.");
        }
    }

    private static void pause(Duration every) {
        try {
            Thread.sleep(every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemAnswer.unavailable("Interrupted while waiting for the sign-in.");
        }
    }
}
