package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The two services over HTTP as the signed-in person: commands go to incident-commands (each with an
 * Idempotency-Key, so a retried command is one command), reads to timeline-projection. A refusal becomes a
 * {@link ProblemAnswer} carrying the server's problem detail.
 */
final class Api {

    private static final Duration DECISION_PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL_EVERY = Duration.ofMillis(300);

    private final HttpClient http;
    private final Endpoints endpoints;
    private final TokenSource tokens;

    Api(HttpClient http, Endpoints endpoints, TokenSource tokens) {
        this.http = http;
        this.endpoints = endpoints;
        this.tokens = tokens;
    }

    /** Sends a command and waits for its decision: the answer of an accepted command. */
    JsonNode command(String path, JsonNode body) {
        HttpRequest request = authorised(endpoints.commands().resolve(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return decided(send(request));
    }

    /** A request to incident-commands that is not a command (templates, the policy, the catalog). */
    JsonNode fromCommands(String method, String path, JsonNode body) {
        HttpRequest.Builder request = authorised(endpoints.commands().resolve(path));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    JsonNode fromProjection(String path) {
        return send(authorised(endpoints.projection().resolve(path)).GET().build());
    }

    /** The projection's live stream of server-sent events, open until the caller closes it. */
    InputStream projectionStream(String path) {
        HttpRequest request = authorised(endpoints.projection().resolve(path)).header("Accept", "text/event-stream")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 300) {
                try (InputStream body = response.body()) {
                    throw refusal(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return response.body();
        } catch (IOException e) {
            throw ProblemAnswer.unavailable(unreachable(request.uri(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemAnswer.unavailable("Interrupted.");
        }
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A 202 is polled at /commands/{id} until decided; a rejection found there is refused like a direct one. */
    private JsonNode decided(JsonNode answer) {
        long deadline = System.nanoTime() + DECISION_PATIENCE.toNanos();
        JsonNode current = answer;
        while ("PENDING".equals(current.path("outcome").asText()) && System.nanoTime() < deadline) {
            pause();
            current = send(authorised(endpoints.commands().resolve("/commands/"
                    + encode(current.path("commandId").asText()))).GET().build());
        }
        if ("PENDING".equals(current.path("outcome").asText())) {
            throw ProblemAnswer.unavailable("Sent as command " + current.path("commandId").asText()
                    + " but not decided within " + DECISION_PATIENCE.toSeconds() + " s; look again with its id.");
        }
        if ("REJECTED".equals(current.path("outcome").asText())) {
            JsonNode problem = current.path("problem");
            throw new ProblemAnswer(problem, ExitCode.forHttpStatus(problem.path("status").asInt(422)));
        }
        return current;
    }

    private HttpRequest.Builder authorised(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.accessToken());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw refusal(response.statusCode(), response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw ProblemAnswer.unavailable(unreachable(request.uri(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemAnswer.unavailable("Interrupted.");
        }
    }

    private static ProblemAnswer refusal(int status, String body) {
        JsonNode problem;
        try {
            problem = body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            problem = Json.MAPPER.createObjectNode().put("status", status).put("title", "HTTP " + status)
                    .put("detail", body.length() > 300 ? body.substring(0, 300) : body);
        }
        return new ProblemAnswer(problem, ExitCode.forHttpStatus(status));
    }

    private static String unreachable(URI uri, IOException e) {
        return "Could not reach " + uri.getScheme() + "://" + uri.getAuthority() + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").";
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemAnswer.unavailable("Interrupted while waiting for the decision.");
        }
    }
}
