package dev.incidents.commands.http;

import dev.incidents.support.security.Caller;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;

/**
 * The headers every command endpoint understands; see {@link RequestMeta} for their meaning. Who acts is never
 * read from a header (X-Actor-Id and X-Actor-Kind are ignored): it comes from the token.
 */
public class CommandHeaders {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @HeaderParam("If-Match")
    String ifMatch;

    /** Read raw: a header parameter reads an empty value as no header, and an empty key is a client error. */
    @Context
    HttpHeaders headers;

    RequestMeta meta(Caller caller) {
        List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
        return RequestMeta.from(caller, ifMatch, keys == null || keys.isEmpty() ? null : keys.get(0));
    }
}
