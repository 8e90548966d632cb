package dev.incidents.support.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the {@link Caller} of the current request from its security identity. */
@ApplicationScoped
public class SignedInCaller {

    private static final int MAX_ACTOR_ID = 200;

    private final SecurityIdentity identity;
    private final AuthConfig config;

    SignedInCaller(SecurityIdentity identity, AuthConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Caller current() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException("This request needs a bearer token");
        }
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        Object named = token.getClaim(config.actorClaim());
        String actorId = named instanceof String name && !name.isBlank() ? name : subject;
        return new Caller(subject, clip(actorId), token.containsClaim(config.machineClaim()));
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static String clip(String actorId) {
        return actorId.length() <= MAX_ACTOR_ID ? actorId : actorId.substring(0, MAX_ACTOR_ID);
    }
}
