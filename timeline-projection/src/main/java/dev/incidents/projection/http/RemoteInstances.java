package dev.incidents.projection.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.projection.app.QueryResult;
import dev.incidents.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Forwards a query to the instance that owns the key (or to every instance, for lists). The forwarded request is
 * signed in with this instance's {@link PeerCredential} and marked so that the receiver answers from its own stores
 * only and never forwards again.
 */
@ApplicationScoped
public class RemoteInstances {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteInstances.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final PeerCredential credential;

    RemoteInstances(ObjectMapper json, PeerCredential credential) {
        this.json = json;
        this.credential = credential;
    }

    /**
     * A keyed query's answer: the value found here, the owner's answer forwarded (unless this request is itself a
     * forwarded one, whose owner moved meanwhile: 503), {@code unknown} when nobody has the key, or 503 while the
     * stores cannot answer.
     */
    <T> Response answer(QueryResult<T> result, Function<T, Object> body, boolean localOnly, String path,
                        Supplier<Response> unknown) {
        return switch (result) {
            case QueryResult.Found<T> found -> Response.ok(body.apply(found.value())).build();
            case QueryResult.FoundRemotely<T> owner when !localOnly -> forward(owner.host(), owner.port(), path);
            case QueryResult.FoundRemotely<T> owner -> QueryProblems.unavailable();
            case QueryResult.NotFound<T> notFound -> unknown.get();
            case QueryResult.Unavailable<T> unavailable -> QueryProblems.unavailable();
        };
    }

    /** The owner's answer, passed through as it is (status, content type, body). */
    Response forward(String host, int port, String pathAndQuery) {
        try {
            HttpResponse<String> answer = get(host, port, pathAndQuery);
            return Response.status(answer.statusCode())
                    .type(answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .entity(answer.body()).build();
        } catch (IOException e) {
            return QueryProblems.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QueryProblems.unavailable();
        }
    }

    /** Another instance's local part of a list, or an error when it cannot answer. */
    <T> T fetch(String host, int port, String pathAndQuery, Class<T> type) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(host, port, pathAndQuery);
        if (answer.statusCode() != 200) {
            throw new IOException("Instance " + host + ":" + port + " answered " + answer.statusCode());
        }
        return json.readValue(answer.body(), type);
    }

    /** The peer's answer; an exception when it refuses this instance's credential (its caller is not to blame). */
    private HttpResponse<String> get(String host, int port, String pathAndQuery)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
                .header("Authorization", "Bearer " + peerToken()).header(PeerRequests.LOCAL_ONLY_HEADER, "true")
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            LOG.warn("Instance {}:{} refused this instance's peer credential (HTTP {}): does the client of "
                    + "quarkus.oidc-client.client-id have role {}?", host, port, answer.statusCode(), Roles.PEER);
            throw new IOException("Instance " + host + ":" + port + " refused the peer credential");
        }
        return answer;
    }

    private String peerToken() throws IOException {
        try {
            return credential.bearerToken();
        } catch (RuntimeException e) {
            LOG.warn("No peer credential to ask the other instances with (quarkus.oidc-client.*): {}", e.toString());
            throw new IOException("No peer credential", e);
        }
    }
}
