package dev.incidents.support.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers to a request without a valid token (401, with the bearer challenge) or without a role the route needs
 * (403), as problems like every other refusal. Needs {@code quarkus.http.auth.proactive=false}, so that these
 * failures reach the REST layer instead of being answered bare by the HTTP layer.
 */
public class AccessProblems {

    private static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return signInNeeded("This request needs a valid bearer token from the identity provider.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return signInNeeded("The bearer token is not valid here (expired, not signed by the identity provider, "
                + "or for another audience).");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "The signed-in caller has no role that allows this.";
        return Problem.of("forbidden", "Not allowed", 403, detail, null).response();
    }

    private static Response signInNeeded(String detail) {
        return Problem.of("unauthorized", "Sign-in needed", 401, detail, null)
                .responseWith(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
