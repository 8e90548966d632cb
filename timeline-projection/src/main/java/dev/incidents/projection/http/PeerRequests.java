package dev.incidents.projection.http;

import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells a request forwarded by another instance from one anybody could send: only a caller signed in as a peer
 * (role {@value Roles#PEER}) may ask for this instance's part alone; the same header from anyone else is ignored, so
 * that no public or dashboard caller gets, or makes a cache keep, a partial answer.
 */
@ApplicationScoped
public class PeerRequests {

    static final String LOCAL_ONLY_HEADER = "X-Incidents-Local-Only";

    private final SignedInCaller caller;

    PeerRequests(SignedInCaller caller) {
        this.caller = caller;
    }

    /** @param asked the request's {@value #LOCAL_ONLY_HEADER} header */
    boolean localOnly(boolean asked) {
        return asked && caller.hasAnyRole(Roles.PEER);
    }
}
