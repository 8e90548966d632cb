package dev.incidents.commands.http;

import dev.incidents.commands.app.CommandGateway;
import dev.incidents.support.http.Problem;
import dev.incidents.support.table.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The command API's own errors as application/problem+json (unreadable requests are answered by the shared
 * {@link dev.incidents.support.http.RequestProblems}).
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    static Problem of(CommandRejectedException e) {
        return switch (e.reason()) {
            case "NOT_FOUND" -> Problem.of("not-found", "Not found", 404, e.getMessage(), null);
            case "CONFLICT" -> Problem.of("conflict", "Not allowed in its current state", 409, e.getMessage(),
                    null);
            case "VERSION_MISMATCH" -> Problem.of("version-mismatch", "Changed since the version given", 412,
                    e.getMessage(), "If-Match");
            case "IDEMPOTENCY_KEY_REUSED" -> Problem.of("idempotency-key-reused",
                    "Idempotency key reused for a different request", 422, e.getMessage(), "Idempotency-Key");
            default -> Problem.of("invalid-command", "The command breaks a rule", 422, e.getMessage(), e.field());
        };
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejectedException e) {
        return of(e).response();
    }

    @ServerExceptionMapper
    public Response notAccepted(CommandGateway.CommandNotAcceptedException e) {
        LOG.warn("Command not acknowledged by Kafka", e);
        return Problem.of("unavailable", "Commands cannot be received right now", 503,
                "Kafka did not acknowledge the command; nothing was recorded. Retry later.", null)
                .responseRetryAfter(5);
    }

    @ServerExceptionMapper
    public Response catalogUnavailable(StoreUnavailableException e) {
        LOG.warn("Component catalog unavailable: " + e.getMessage(), e.getCause());
        return Problem.of("unavailable", "The component catalog cannot be changed or read right now", 503,
                e.getMessage(), null).responseRetryAfter(5);
    }
}
