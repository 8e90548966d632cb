package dev.incidents.notifier.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.incidents.notifier.app.StoreUnavailableException;
import dev.incidents.notifier.domain.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Every error of the API as application/problem+json, naming the field at fault where there is one. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** A request that breaks the rules of a subscription: 422, with every violation. */
    public static final class InvalidSubscriptionException extends RuntimeException {
        private final List<Violation> violations;

        InvalidSubscriptionException(List<Violation> violations) {
            super(violations.get(0).message());
            this.violations = List.copyOf(violations);
        }
    }

    /** An answer that is not an error of the mapping kind: 404, 412. */
    public static final class ProblemException extends RuntimeException {
        private final Problem problem;

        ProblemException(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSubscriptionException e) {
        Violation first = e.violations.get(0);
        return response(new Problem("urn:problem:incident-timeline:invalid-subscription",
                "The subscription breaks a rule", 422, first.message(), first.field(), e.violations));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem);
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warn("Subscriptions unavailable: " + e.getMessage(), e.getCause());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(Problem.of(
                "unavailable", "Subscriptions cannot be changed or read right now", 503, e.getMessage(), null))
                .build();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return response(Problem.of("unknown-field", "Unknown request field", 400, "Unknown field '" + field + "'.",
                field));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String detail = e.getTargetType() != null && e.getTargetType().isEnum()
                ? field + " must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "."
                : field + " has the wrong type or format.";
        return response(Problem.of("invalid-field", "Invalid request field", 400, detail, field));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        String field = path(e);
        return response(Problem.of("invalid-field", "Invalid request field", 400,
                (field.isEmpty() ? "The body" : field) + " has the wrong type or shape.",
                field.isEmpty() ? null : field));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return response(Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return response(Problem.of("http-" + status, known == null ? "HTTP " + status : known.getReasonPhrase(),
                status, e.getMessage(), null));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
