package dev.incidents.projection.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Forwards a query to the instance that owns the key (or to every instance, for lists). The forwarded request is
 * marked so that the receiver answers from its own stores only and never forwards again.
 */
@ApplicationScoped
public class RemoteInstances {

    static final String LOCAL_ONLY_HEADER = "X-Incidents-Local-Only";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;

    RemoteInstances(ObjectMapper json) {
        this.json = json;
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

    private HttpResponse<String> get(String host, int port, String pathAndQuery)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
                .header(LOCAL_ONLY_HEADER, "true").timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
