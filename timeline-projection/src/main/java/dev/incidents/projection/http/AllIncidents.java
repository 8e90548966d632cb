package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.domain.IncidentView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Every instance's incidents in one list, newest first. */
@ApplicationScoped
public class AllIncidents {

    private final IncidentQueries queries;
    private final InstanceParts parts;

    AllIncidents(IncidentQueries queries, InstanceParts parts) {
        this.queries = queries;
        this.parts = parts;
    }

    /** The matching incidents of this instance and, unless asked for its part only, of every other instance. */
    public Optional<List<IncidentResponse>> gather(Predicate<IncidentView> filter, boolean localOnly,
                                                   String pathAndQuery) {
        return parts.gather(() -> queries.localIncidents().map(views -> views.stream().filter(filter)
                        .map(IncidentResponse::of).toList()), localOnly, pathAndQuery, IncidentResponse[].class)
                .map(incidents -> incidents.stream()
                        .sorted(Comparator.comparing(IncidentResponse::declaredAt).reversed()).toList());
    }
}
