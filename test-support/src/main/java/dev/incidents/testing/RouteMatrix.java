package dev.incidents.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

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
 * service's own OpenAPI document, called by nobody and by each of the realm's people and its machine. A route
 * missing from the table of allowed callers fails the check, so none can ship unprotected or unlisted.
 */
public final class RouteMatrix {

    /** The realm's machine client, beside its people. */
    public static final String EMITTER = "incident-emitter (machine)";
    public static final List<String> CALLERS = List.of("viewer", "responder", "commander", "notifier-admin",
            "incident-admin", EMITTER);

    private final Map<String, String> tokens = new LinkedHashMap<>();

    /** Signs every caller in once. */
    public RouteMatrix() {
        for (String caller : CALLERS) {
            tokens.put(caller, caller.equals(EMITTER) ? TestStack.tokens().ofEmitter() : TestStack.tokens().of(caller));
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
     * gets 403 (a problem), and a caller it names gets neither. Path parameters are fresh ids; bodies carry only
     * {@code "audience":"INTERNAL"} (enough to pass the emitter's audience rule, refused later as incomplete).
     *
     * @param allowed for each operation of the OpenAPI document, the callers that may use it
     */
    public void check(Map<String, Set<String>> allowed) {
        Set<String> operations = operations();
        assertThat(operations).containsExactlyInAnyOrderElementsOf(allowed.keySet());
        for (String operation : operations) {
            Response anonymous = call(given(), operation);
            assertThat(anonymous.statusCode()).as("anonymous " + operation).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

            for (String caller : CALLERS) {
                Response answer = call(given().auth().oauth2(tokens.get(caller)), operation);
                if (allowed.get(operation).contains(caller)) {
                    assertThat(answer.statusCode()).as(caller + " " + operation).isNotIn(401, 403);
                } else {
                    assertThat(answer.statusCode()).as(caller + " " + operation).isEqualTo(403);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            }
        }
    }

    private static Response call(RequestSpecification request, String operation) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "access-" + UUID.randomUUID());
        return switch (parts[0]) {
            case "GET" -> request.get(path);
            case "DELETE" -> request.delete(path);
            case "PUT" -> request.contentType(ContentType.JSON).body(Map.of("audience", "INTERNAL")).put(path);
            default -> request.contentType(ContentType.JSON).body(Map.of("audience", "INTERNAL")).post(path);
        };
    }
}
