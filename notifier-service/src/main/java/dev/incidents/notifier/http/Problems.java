package dev.incidents.notifier.http;

import dev.incidents.notifier.domain.Violation;
import dev.incidents.support.http.Problem;
import dev.incidents.support.table.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The notifier API's own errors as application/problem+json (unreadable requests are answered by the shared
 * {@link dev.incidents.support.http.RequestProblems}).
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** A request that breaks the rules of a subscription: 422, with every violation. */
    public static final class InvalidSubscriptionException extends RuntimeException {
        private final List<Violation> violations;

        InvalidSubscriptionException(List<Violation> violations) {
            super(violations.get(0).message());
            this.violations = List.copyOf(violations);
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSubscriptionException e) {
        return Problem.ofViolations("invalid-subscription", "The subscription breaks a rule", 422,
                e.violations.stream().map(v -> new Problem.Violation(v.field(), v.message())).toList()).response();
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warn("Subscriptions unavailable: " + e.getMessage(), e.getCause());
        return Problem.of("unavailable", "Subscriptions cannot be changed or read right now", 503, e.getMessage(),
                null).responseRetryAfter(5);
    }
}
