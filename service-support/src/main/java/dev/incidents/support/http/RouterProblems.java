package dev.incidents.support.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * The errors the HTTP layer answers before any endpoint runs (no route for the path, a body over the size limit, a
 * method the path does not take) as problem documents too, like every other error of the services: Vert.x would
 * answer them with no body or a text/html page. A body without a Content-Type is refused (415) here as well: an
 * endpoint would otherwise take it for whatever it consumes; so is a query no parameter may hold ({@link QueryRules}).
 */
@ApplicationScoped
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);
    private static final int FIRST = -10_000;
    /**
     * Below the HTTP codec's limits (quarkus.http.limits.max-initial-line-length and max-header-size, raised to
     * 64 KiB in each service), so that a long URI or large headers get a problem here; beyond those limits the codec
     * itself answers, bare.
     */
    static final int MAX_URI_LENGTH = 8 * 1024;
    static final int MAX_HEADERS_SIZE = 20 * 1024;
    private static final Map<Integer, String[]> KNOWN = Map.of(
            404, new String[] {"not-found", "Not found", "Nothing is served at this path."},
            405, new String[] {"http-405", "Method Not Allowed", "This path does not take this method."},
            413, new String[] {"too-large", "Request body too large",
                    "The request body is larger than this service accepts."},
            414, new String[] {"http-414", "URI Too Long", "The request's URI is longer than "
                    + MAX_URI_LENGTH + " characters."},
            431, new String[] {"http-431", "Request Header Fields Too Large", "The request's headers are too large."});

    private final ObjectMapper json;
    private final BodyLimits bodyLimits;

    RouterProblems(ObjectMapper json,
                   @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                   MemorySize maxBodySize, Instance<BodyLimits> bodyLimits) {
        this.json = json;
        long ceiling = maxBodySize.asLongValue();
        this.bodyLimits = bodyLimits.isResolvable()
                ? path -> Math.min(ceiling, bodyLimits.get().maxBodySize(path))
                : path -> ceiling;
    }

    void install(@Observes Router router) {
        KNOWN.forEach((status, problem) -> router.errorHandler(status, context -> answer(context, status)));
        // before Quarkus' own check, which answers a declared oversize body with a bare 413
        router.route().order(FIRST).handler(context -> refusal(context).ifPresentOrElse(
                problem -> answer(context, problem), context::next));
    }

    /** Why a request is refused before any endpoint sees it, if it is. */
    private Optional<Problem> refusal(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_LENGTH) {
            return Optional.of(known(414));
        }
        if (headersSize(context) > MAX_HEADERS_SIZE) {
            return Optional.of(known(431));
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}")
                && Long.parseLong(length) > bodyLimits.maxBodySize(context.normalizedPath())) {
            return Optional.of(known(413));
        }
        Optional<Problem> query = QueryRules.check(context.request().query());
        if (query.isPresent()) {
            return query;
        }
        if (hasBody(length, context.request().getHeader("Transfer-Encoding"))
                && context.request().getHeader("Content-Type") == null) {
            return Optional.of(Problem.of("http-415", "Unsupported Media Type", 415,
                    "The request has a body but no Content-Type.", "Content-Type"));
        }
        return Optional.empty();
    }

    private static int headersSize(RoutingContext context) {
        int size = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean hasBody(String length, String transferEncoding) {
        return length != null ? !length.equals("0") : transferEncoding != null;
    }

    private void answer(RoutingContext context, int status) {
        answer(context, known(status));
    }

    private static Problem known(int status) {
        String[] problem = KNOWN.get(status);
        return Problem.of(problem[0], problem[1], status, problem[2], null);
    }

    private void answer(RoutingContext context, Problem problem) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        try {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            LOG.error("Could not write a problem document", e);
            context.response().setStatusCode(problem.status()).end();
        }
    }
}
