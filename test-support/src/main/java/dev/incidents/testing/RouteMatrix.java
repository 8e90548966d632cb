package dev.incidents.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked on a running service with real tokens of the local realm: every operation of the
 * service's own OpenAPI document, called by nobody and by each of the realm's people and machines. A route
 * missing from the table of allowed callers fails the check, so none can ship unprotected or unlisted.
 */
public final class RouteMatrix {

    /** The realm's machine clients, beside its people: monitors and alerting, and the projection's instances. */
    public static final String EMITTER = "incident-emitter (machine)";
    public static final String PEER = "timeline-projection (peer)";
    public static final List<String> CALLERS = List.of("viewer", "responder", "commander", "notifier-admin",
            "incident-admin", EMITTER, PEER);
    /** The callers of a public operation: anybody, signed in or not. */
    public static final Set<String> ANYBODY = Set.of("anybody");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** Signs every caller in once. */
    public RouteMatrix() {
        for (String caller : CALLERS) {
            tokens.put(caller, switch (caller) {
                case EMITTER -> TestStack.tokens().ofEmitter();
                case PEER -> TestStack.tokens().ofPeer();
                default -> TestStack.tokens().of(caller);
            });
        }
    }

    public String token(String caller) {
        return tokens.get(caller);
    }

    /** Every operation of the service's OpenAPI document, as "METHOD /path". */
    private static Set<String> operations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet()
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /**
     * Checks that nobody signed in gets 401 (a problem with the Bearer challenge), a caller the table does not name
     * gets 403 (a problem), and a caller it names gets neither; a public operation ({@link #ANYBODY}) refuses
     * nobody. Path parameters are fresh ids; bodies carry only {@code "audience":"INTERNAL"} (enough to pass the
     * emitter's audience rule, refused later as incomplete).
     *
     * @param allowed for each operation of the OpenAPI document, the callers that may use it
     */
    public void check(Map<String, Set<String>> allowed) {
        Set<String> operations = operations();
        assertThat(operations).containsExactlyInAnyOrderElementsOf(allowed.keySet());
        for (String operation : operations) {
            boolean open = allowed.get(operation).equals(ANYBODY);
            HttpResponse<InputStream> anonymous = call(operation, null);
            if (open) {
                assertThat(anonymous.statusCode()).as("anonymous " + operation).isNotIn(401, 403);
            } else {
                assertThat(anonymous.statusCode()).as("anonymous " + operation).isEqualTo(401);
                assertThat(contentType(anonymous)).startsWith("application/problem+json");
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer"));
            }
            for (String caller : CALLERS) {
                HttpResponse<InputStream> answer = call(operation, tokens.get(caller));
                if (open || allowed.get(operation).contains(caller)) {
                    assertThat(answer.statusCode()).as(caller + " " + operation).isNotIn(401, 403);
                } else {
                    assertThat(answer.statusCode()).as(caller + " " + operation).isEqualTo(403);
                    assertThat(contentType(answer)).startsWith("application/problem+json");
                }
            }
        }
    }

    /** The answer's status and headers; its body is not read, so a stream (server-sent events) ends here. */
    private static HttpResponse<InputStream> call(String operation, String token) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "access-" + UUID.randomUUID());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + RestAssured.basePath + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"audience\":\"INTERNAL\"}");
        request = switch (parts[0]) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", "application/json").method(parts[0], body);
        };
        try {
            HttpResponse<InputStream> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + operation, e);
        }
    }

    private static String contentType(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }
}
