package dev.incidents.projection.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    static Response response(Problem problem) {
        return Response.status(problem.status()).type("application/problem+json").entity(problem).build();
    }

    static Response notFound(String detail) {
        return response(new Problem("urn:problem:incident-timeline:not-found", "Not found", 404, detail, null));
    }

    static Response unavailable() {
        return Response.status(503).type("application/problem+json").header("Retry-After", "2")
                .entity(new Problem("urn:problem:incident-timeline:rebalancing", "State is being rebuilt", 503,
                        "The projection's stores are rebalancing or restoring; retry shortly.", null))
                .build();
    }

    static Response invalid(String field, String detail) {
        return response(new Problem("urn:problem:incident-timeline:invalid-field", "Invalid request field", 400,
                detail, field));
    }
}
