package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Lists need every instance's part: each holds the incidents of its own partitions. */
@ApplicationScoped
public class InstanceParts {

    private final IncidentQueries queries;
    private final RemoteInstances remote;

    InstanceParts(IncidentQueries queries, RemoteInstances remote) {
        this.queries = queries;
        this.remote = remote;
    }

    /**
     * This instance's part and, unless asked for its part only, every other instance's (asked with the same path
     * and query, marked local-only); empty while any part cannot be read.
     */
    public <T> Optional<List<T>> gather(Supplier<Optional<List<T>>> localPart, boolean localOnly,
                                        String pathAndQuery, Class<T[]> type) {
        return gatherParts(localPart, localOnly, pathAndQuery, type)
                .map(parts -> parts.stream().flatMap(List::stream).toList());
    }

    /** As {@link #gather}, each instance's part apart (a paged list needs to know whose part was full). */
    public <T> Optional<List<List<T>>> gatherParts(Supplier<Optional<List<T>>> localPart, boolean localOnly,
                                                   String pathAndQuery, Class<T[]> type) {
        Optional<List<T>> local = localPart.get();
        if (local.isEmpty()) {
            return Optional.empty();
        }
        List<List<T>> all = new ArrayList<>();
        all.add(local.get());
        if (!localOnly) {
            Optional<List<HostInfo>> others = queries.otherInstances();
            if (others.isEmpty()) {
                return Optional.empty();
            }
            for (HostInfo other : others.get()) {
                try {
                    all.add(Arrays.asList(remote.fetch(other.host(), other.port(), pathAndQuery, type)));
                } catch (IOException e) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        return Optional.of(all);
    }
}
