package dev.incidents.projection.http;

import dev.incidents.support.http.Problem;
import jakarta.ws.rs.core.Response;

/** The projection's answers when a query cannot be answered: unknown, invalid, or stores not ready. */
final class QueryProblems {

    private QueryProblems() {
    }

    static Response notFound(String detail) {
        return Problem.of("not-found", "Not found", 404, detail, null).response();
    }

    static Response unavailable() {
        return Problem.of("rebalancing", "State is being rebuilt", 503,
                "The projection's stores are rebalancing or restoring; retry shortly.", null).responseRetryAfter(2);
    }

    static Response invalid(String field, String detail) {
        return Problem.of("invalid-field", "Invalid request field", 400, detail, field).response();
    }
}
