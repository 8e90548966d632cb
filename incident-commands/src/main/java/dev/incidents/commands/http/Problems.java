package dev.incidents.commands.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.incidents.commands.app.CommandGateway;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Every error of the API as application/problem+json, with the offending field named where there is one. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    static Problem of(CommandRejectedException e) {
        return switch (e.reason()) {
            case "NOT_FOUND" -> new Problem(type("not-found"), "Incident not found", 404, e.getMessage(), null);
            case "CONFLICT" -> new Problem(type("conflict"), "Not allowed in the incident's state", 409,
                    e.getMessage(), null);
            case "VERSION_MISMATCH" -> new Problem(type("version-mismatch"), "The incident has changed", 412,
                    e.getMessage(), "If-Match");
            case "IDEMPOTENCY_KEY_REUSED" -> new Problem(type("idempotency-key-reused"),
                    "Idempotency key reused for a different request", 422, e.getMessage(), "Idempotency-Key");
            default -> new Problem(type("invalid-command"), "The command breaks a rule", 422, e.getMessage(),
                    e.field());
        };
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejectedException e) {
        return response(of(e));
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return response(new Problem(type("invalid-field"), "Invalid request field", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return response(new Problem(type("unknown-field"), "Unknown request field", 400,
                "Unknown field '" + field + "'.", field));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String detail = e.getTargetType() != null && e.getTargetType().isEnum()
                ? field + " must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "."
                : field + " has the wrong type or format.";
        return response(new Problem(type("invalid-field"), "Invalid request field", 400, detail, field));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return mapping(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        String field = path(e);
        return response(new Problem(type("invalid-field"), "Invalid request field", 400,
                (field.isEmpty() ? "The body" : field) + " has the wrong type or shape.", field.isEmpty() ? null : field));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return response(new Problem(type("malformed-json"), "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response notAccepted(CommandGateway.CommandNotAcceptedException e) {
        LOG.warn("Command not acknowledged by Kafka", e);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(new Problem(type("unavailable"), "Commands cannot be received right now", 503,
                        "Kafka did not acknowledge the command; nothing was recorded. Retry later.", null))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return response(new Problem(type("http-" + status), Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                e.getMessage(), null));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String type(String slug) {
        return "urn:problem:incident-timeline:" + slug;
    }
}
