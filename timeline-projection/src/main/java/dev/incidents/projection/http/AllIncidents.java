package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.domain.IncidentView;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Lists need every instance's part: each holds the incidents of its own partitions. */
@ApplicationScoped
public class AllIncidents {

    private final IncidentQueries queries;
    private final RemoteInstances remote;

    AllIncidents(IncidentQueries queries, RemoteInstances remote) {
        this.queries = queries;
        this.remote = remote;
    }

    /**
     * The matching incidents of this instance and, unless asked for its part only, of every other instance
     * (asked with the same path and query); empty while any part cannot be read.
     */
    public Optional<List<IncidentResponse>> gather(Predicate<IncidentView> filter, boolean localOnly, String pathAndQuery) {
        Optional<List<IncidentView>> local = queries.localIncidents();
        if (local.isEmpty()) {
            return Optional.empty();
        }
        List<IncidentResponse> incidents = new ArrayList<>(local.get().stream().filter(filter)
                .map(IncidentResponse::of).toList());
        if (!localOnly) {
            for (HostInfo other : queries.otherInstances()) {
                try {
                    incidents.addAll(Arrays.asList(remote.fetch(other.host(), other.port(), pathAndQuery,
                            IncidentResponse[].class)));
                } catch (IOException e) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        incidents.sort(Comparator.comparing(IncidentResponse::declaredAt).reversed());
        return Optional.of(incidents);
    }
}
