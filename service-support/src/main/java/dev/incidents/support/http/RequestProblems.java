package dev.incidents.support.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Answers every service gives to a request it cannot read (malformed JSON, an unknown field, a value of the wrong
 * type or outside an enum) and to HTTP errors, as problems naming the field at fault. Services add their own.
 */
public class RequestProblems {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().response();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return Problem.of("unknown-field", "Unknown request field", 400, "Unknown field '" + field + "'.", field)
                .response();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String detail = e.getTargetType() != null && e.getTargetType().isEnum()
                ? field + " must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "."
                : field + " has the wrong type or format.";
        return Problem.of("invalid-field", "Invalid request field", 400, detail, field).response();
    }

    /** Quarkus has a mapper of its own for this one; ours must be as specific to win. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return mapping(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        String field = path(e);
        return Problem.of("invalid-field", "Invalid request field", 400,
                (field.isEmpty() ? "The body" : field) + " has the wrong type or shape.",
                field.isEmpty() ? null : field).response();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return Problem.of("invalid-field", "Invalid request field", 400, e.getMessage(), e.field()).response();
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), null).response();
    }

    @ServerExceptionMapper
    public Response tooLarge(StreamConstraintsException e) {
        return Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body goes beyond what this API reads: " + e.getOriginalMessage(), null).response();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus answers a body it cannot read with a bare 400 carrying Jackson's error as its cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            switch (cause) {
                case JsonParseException parse -> {
                    return malformed(parse);
                }
                case StreamConstraintsException limit -> {
                    return tooLarge(limit);
                }
                case UnrecognizedPropertyException unknown -> {
                    return unknownProperty(unknown);
                }
                case InvalidFormatException format -> {
                    return invalidFormat(format);
                }
                case JsonMappingException mapping -> {
                    return mapping(mapping);
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.of("http-" + status, known == null ? "HTTP " + status : known.getReasonPhrase(), status,
                e.getMessage(), null).response();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
