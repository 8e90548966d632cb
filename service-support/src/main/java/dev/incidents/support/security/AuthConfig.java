package dev.incidents.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a verified token names its caller ({@code incidents.auth.*}). */
@ConfigMapping(prefix = "incidents.auth")
public interface AuthConfig {

    /** The claim recorded as the actor id; the token's subject when the token lacks it. */
    @WithDefault("preferred_username")
    String actorClaim();

    /**
     * A claim only tokens of machines carry (a client-credentials grant, no person): its presence makes the caller a
     * service. RFC 9068 names {@code client_id}; the local realm adds it to the emitter's tokens.
     */
    @WithDefault("client_id")
    String machineClaim();
}
