package dev.incidents.projection.http;

import dev.incidents.projection.app.IncidentQueries;
import dev.incidents.projection.app.ProjectionConfig;
import dev.incidents.projection.domain.ListedComponent;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.PublicMaintenance;
import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.support.catalog.CatalogEntry;
import dev.incidents.support.catalog.FollowedCatalog;
import dev.incidents.support.table.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public status, gathered from every instance. A status page is read most when things break, by many people
 * at once, so a board is reused for {@code incidents.status-page.cache-for} instead of scanning every store and
 * asking every instance per request.
 */
@ApplicationScoped
public class PublicBoard {

    private static final Logger LOG = Logger.getLogger(PublicBoard.class);

    private record Snapshot(StatusBoard board, Instant takenAt) {
    }

    private final IncidentQueries queries;
    private final InstanceParts parts;
    private final FollowedCatalog catalog;
    private final ProjectionConfig.StatusPage page;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    PublicBoard(IncidentQueries queries, InstanceParts parts, FollowedCatalog catalog, ProjectionConfig config,
                Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.parts = parts;
        this.page = config.statusPage();
        this.clock = clock;
    }

    /** Every instance's public incidents and maintenance windows as one board; empty while any part cannot be read. */
    public Optional<StatusBoard> current() {
        Instant now = clock.instant();
        Snapshot snapshot = last.get();
        if (snapshot != null && now.isBefore(snapshot.takenAt().plus(page.cacheFor()))) {
            return Optional.of(snapshot.board());
        }
        Optional<StatusBoard> board = gather(false, now);
        board.ifPresent(fresh -> last.set(new Snapshot(fresh, now)));
        return board;
    }

    /** This instance's part only, as another instance asks for it. */
    public Optional<StatusBoard> local() {
        return gather(true, clock.instant());
    }

    private Optional<StatusBoard> gather(boolean localOnly, Instant now) {
        List<CatalogEntry> entries;
        try {
            entries = catalog.all();
        } catch (StoreUnavailableException e) {
            LOG.infof("No public status yet: %s", e.getMessage());
            return Optional.empty();
        }
        List<ListedComponent> listed = listed(entries);
        Set<String> unlisted = entries.stream().filter(entry -> !entry.listedPublicly()).map(CatalogEntry::id)
                .collect(Collectors.toSet());
        Instant historyStart = now.minus(StatusBoard.HISTORY);
        Optional<List<PublicIncident>> incidents = parts.gather(() -> queries.localPublicIncidents(historyStart),
                localOnly, PublicStatusResource.PUBLIC_INCIDENTS, PublicIncident[].class);
        Optional<List<PublicMaintenance>> maintenances = incidents.isEmpty() ? Optional.empty()
                : parts.gather(() -> queries.localPublicMaintenances(historyStart), localOnly,
                        PublicStatusResource.PUBLIC_MAINTENANCES, PublicMaintenance[].class);
        return maintenances.map(windows -> StatusBoard.of(listed, unlisted, incidents.get(), windows, now));
    }

    /** The catalog's public components in its order, then those configured that the catalog does not have. */
    private List<ListedComponent> listed(List<CatalogEntry> entries) {
        Set<String> catalogued = entries.stream().map(CatalogEntry::id).collect(Collectors.toSet());
        return Stream.concat(
                entries.stream().filter(CatalogEntry::listedPublicly)
                        .map(entry -> new ListedComponent(entry.id(), entry.name(), entry.group())),
                page.components().orElse(List.of()).stream().filter(id -> !catalogued.contains(id))
                        .map(ListedComponent::uncatalogued)).toList();
    }
}
