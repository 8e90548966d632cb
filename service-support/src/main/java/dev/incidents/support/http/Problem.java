package dev.incidents.support.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail, the one error shape of every service: {@code field} names the request field at fault
 * where there is one, {@code violations} lists every broken rule where a request breaks several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:problem:incident-timeline:";

    /** One broken rule of a request. */
    public record Violation(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, field, null);
    }

    public static Problem ofViolations(String slug, String title, int status, List<Violation> violations) {
        Violation first = violations.get(0);
        return new Problem(TYPE_PREFIX + slug, title, status, first.message(), first.field(),
                List.copyOf(violations));
    }

    public Response response() {
        return answer().build();
    }

    /** A 503 that tells the client when to try again. */
    public Response responseRetryAfter(int seconds) {
        return responseWith("Retry-After", String.valueOf(seconds));
    }

    /** The answer with one header more (a 401's challenge, a 503's Retry-After). */
    public Response responseWith(String header, String value) {
        return answer().header(header, value).build();
    }

    private Response.ResponseBuilder answer() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
