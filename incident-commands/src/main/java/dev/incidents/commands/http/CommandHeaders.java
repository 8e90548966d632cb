package dev.incidents.commands.http;

import jakarta.ws.rs.HeaderParam;

/** The headers every command endpoint understands; see {@link RequestMeta} for their meaning. */
public class CommandHeaders {

    @HeaderParam("X-Actor-Id")
    String actorId;

    @HeaderParam("X-Actor-Kind")
    String actorKind;

    @HeaderParam("If-Match")
    String ifMatch;

    @HeaderParam("Idempotency-Key")
    String idempotencyKey;

    RequestMeta meta() {
        return RequestMeta.from(actorId, actorKind, ifMatch, idempotencyKey);
    }
}
