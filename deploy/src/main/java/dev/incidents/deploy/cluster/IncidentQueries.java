package dev.incidents.deploy.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks one projection instance for incidents, as a dashboard would: the instance answers those its own tasks hold
 * and forwards the others to the instance holding them.
 */
final class IncidentQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    IncidentQueries(String token) {
        this.token = token;
    }

    /** The version each incident has at {@code projectionUrl}; an incident it does not answer (200) is left out. */
    Map<String, Long> versions(String projectionUrl, Collection<String> incidentIds) throws InterruptedException {
        Map<String, Long> versions = new HashMap<>();
        for (String id : incidentIds) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(projectionUrl
                                + "/incidents/" + id)).timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    versions.put(id, JSON.readTree(response.body()).path("version").asLong());
                }
            } catch (IOException e) {
                // not answered: left out
            }
        }
        return versions;
    }

    /**
     * How long after {@code since} (epoch ms) the instance answered every incident, polling until it does or
     * {@code patience} has passed (then -1).
     */
    long awaitAllAnswered(String projectionUrl, Collection<String> incidentIds, long since, Duration patience)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + patience.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (versions(projectionUrl, incidentIds).size() == incidentIds.size()) {
                return System.currentTimeMillis() - since;
            }
            Thread.sleep(250);
        }
        return -1;
    }
}
