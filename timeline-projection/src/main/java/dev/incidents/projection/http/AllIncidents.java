package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.support.http.Paging;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every instance's incidents as one list, newest first (declared at, then id), a page at a time: each instance
 * gives its first {@code limit} after the cursor, and the page is the first {@code limit} of them all.
 */
@ApplicationScoped
public class AllIncidents {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final IncidentQueries queries;
    private final InstanceParts parts;

    AllIncidents(IncidentQueries queries, InstanceParts parts) {
        this.queries = queries;
        this.parts = parts;
    }

    /**
     * One page of the matching incidents of this instance and, unless asked for its part only, of every other
     * instance (asked with {@code pathAndQuery}, which must carry the same filters and paging).
     */
    public Optional<Paging.Page<IncidentResponse>> page(Predicate<IncidentView> filter, Paging.Request request,
                                                        boolean localOnly, String pathAndQuery) {
        return parts.gatherParts(() -> queries.localIncidents().map(views -> Paging.part(views.stream()
                                .filter(filter).map(IncidentResponse::of), AllIncidents::position,
                        Paging.Position.NEWEST_FIRST, request)), localOnly, pathAndQuery, IncidentResponse[].class)
                .map(all -> Paging.merge(all, AllIncidents::position, Paging.Position.NEWEST_FIRST, request));
    }

    /**
     * Every matching incident of every instance, page after page; {@code path} is the list's path with the query
     * that makes other instances apply the same filter (paging parameters are added here).
     */
    public Optional<List<IncidentResponse>> every(Predicate<IncidentView> filter, String path) {
        List<IncidentResponse> all = new ArrayList<>();
        Paging.Request request = new Paging.Request(MAX_LIMIT, Optional.empty());
        while (true) {
            String query = path + (path.contains("?") ? "&" : "?") + "limit=" + MAX_LIMIT
                    + request.after().map(after -> "&after=" + after.encode()).orElse("");
            Optional<Paging.Page<IncidentResponse>> page = page(filter, request, false, query);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            all.addAll(page.get().items());
            if (page.get().next().isEmpty()) {
                return Optional.of(all);
            }
            request = new Paging.Request(MAX_LIMIT, page.get().next());
        }
    }

    private static Paging.Position position(IncidentResponse incident) {
        return new Paging.Position(incident.declaredAt(), incident.incidentId());
    }
}
