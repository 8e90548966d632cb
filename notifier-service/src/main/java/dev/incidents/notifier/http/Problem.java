package dev.incidents.notifier.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidents.notifier.domain.Violation;

import java.util.List;

/** An RFC 9457 problem detail; {@code field} names the field at fault, {@code violations} lists every one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field,
                      List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(String slug, String title, int status, String detail, String field) {
        return new Problem("urn:problem:incident-timeline:" + slug, title, status, detail, field, null);
    }
}
