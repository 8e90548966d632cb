package dev.incidents.commands.http;

import dev.incidents.support.security.Caller;
import jakarta.ws.rs.HeaderParam;

/**
 * The headers every command endpoint understands; see {@link RequestMeta} for their meaning. Who acts is never
 * read from a header (X-Actor-Id and X-Actor-Kind are ignored): it comes from the token.
 */
public class CommandHeaders {

    @HeaderParam("If-Match")
    String ifMatch;

    @HeaderParam("Idempotency-Key")
    String idempotencyKey;

    RequestMeta meta(Caller caller) {
        return RequestMeta.from(caller, ifMatch, idempotencyKey);
    }
}
