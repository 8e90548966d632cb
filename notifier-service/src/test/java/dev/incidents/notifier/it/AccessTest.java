package dev.incidents.notifier.it;

import dev.incidents.testing.RouteMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

/**
 * Who may manage subscriptions and read or redeliver messages, with real tokens from the local realm. The matrix is
 * built from the service's OpenAPI document, so a route added without a line in {@link #ALLOWED} fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class AccessTest {

    /** Subscriptions hold webhook targets and secrets: only their admins see them. */
    private static final Set<String> ADMINS = Set.of("notifier-admin", "incident-admin");
    private static final Set<String> READERS = Set.of("viewer", "responder", "commander", "notifier-admin",
            "incident-admin");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("POST /subscriptions", ADMINS),
            Map.entry("GET /subscriptions", ADMINS),
            Map.entry("GET /subscriptions/{id}", ADMINS),
            Map.entry("PUT /subscriptions/{id}", ADMINS),
            Map.entry("DELETE /subscriptions/{id}", ADMINS),
            Map.entry("GET /deliveries", READERS),
            Map.entry("GET /deliveries/{messageId}", READERS),
            Map.entry("POST /deliveries/{messageId}/redeliver", ADMINS),
            Map.entry("POST /subscriptions/{id}/confirmation-requests", ADMINS),
            // the links in mail: their signed token authorises them, not a sign-in
            Map.entry("GET /mail/confirm/{id}", RouteMatrix.ANYBODY),
            Map.entry("POST /mail/confirm/{id}", RouteMatrix.ANYBODY),
            Map.entry("GET /mail/unsubscribe/{id}", RouteMatrix.ANYBODY),
            Map.entry("POST /mail/unsubscribe/{id}", RouteMatrix.ANYBODY),
            // status page readers subscribe themselves, PUBLIC only
            Map.entry("POST /public/subscriptions", RouteMatrix.ANYBODY),
            Map.entry("OPTIONS /public/subscriptions", RouteMatrix.ANYBODY));

    @Test
    void nobody_signed_in_gets_401_and_a_role_the_route_does_not_name_gets_403_both_as_problems() {
        new RouteMatrix().check(ALLOWED);
    }
}
