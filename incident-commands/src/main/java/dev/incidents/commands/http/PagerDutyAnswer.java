package dev.incidents.commands.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The answers of PagerDuty's Events API v2, which its senders expect: 202 when processed, 400 with the errors. */
final class PagerDutyAnswer {

    record Processed(String status, String message, String dedup_key) {
    }

    record Invalid(String status, String message, List<String> errors) {
    }

    private PagerDutyAnswer() {
    }

    static Response processed(String dedupKey) {
        return Response.accepted(new Processed("success", "Event processed", dedupKey))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response invalid(List<String> errors) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new Invalid("invalid event", "Event object is invalid", errors))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
