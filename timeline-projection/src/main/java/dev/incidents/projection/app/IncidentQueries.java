package dev.incidents.projection.app;

import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.MaintenanceView;
import dev.incidents.projection.domain.PublicMaintenance;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.TimelineEntry;
import dev.incidents.projection.kafka.ProjectionTopology;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Interactive queries over the projection's stores: a key is answered by the instance whose task owns it; this
 * bean says whether that is here, which other instance, or that the stores are not queryable right now.
 */
@ApplicationScoped
public class IncidentQueries {

    private static final Logger LOG = Logger.getLogger(IncidentQueries.class);

    private final KafkaStreams streams;
    private final HostInfo self;

    IncidentQueries(KafkaStreams streams, AdvertisedAddress address) {
        this.streams = streams;
        this.self = address.hostInfo();
    }

    public QueryResult<IncidentView> incident(String incidentId) {
        return byOwner(ProjectionTopology.VIEW_STORE, incidentId, () -> Optional.ofNullable(views().get(incidentId)));
    }

    public QueryResult<MaintenanceView> maintenance(String maintenanceId) {
        return byOwner(ProjectionTopology.MAINTENANCE_VIEW_STORE, maintenanceId,
                () -> Optional.ofNullable(maintenanceViews().get(maintenanceId)));
    }

    public QueryResult<List<TimelineEntry>> timeline(String incidentId) {
        return byOwner(ProjectionTopology.VIEW_STORE, incidentId, () -> {
            List<TimelineEntry> entries = localTimeline(incidentId);
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
        });
    }

    private List<TimelineEntry> localTimeline(String incidentId) {
        List<TimelineEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, TimelineEntry> range = timelines().prefixScan(incidentId + "/",
                Serdes.String().serializer())) {
            range.forEachRemaining(entry -> entries.add(entry.value));
        }
        return entries;
    }

    /** Every incident whose state this instance holds. */
    public Optional<List<IncidentView>> localIncidents() {
        List<IncidentView> all = new ArrayList<>();
        return eachLocalIncident(all::add) ? Optional.of(all) : Optional.empty();
    }

    /** Hands every incident this instance holds to {@code action}; false if the store is not queryable now. */
    public boolean eachLocalIncident(Consumer<IncidentView> action) {
        try (KeyValueIterator<String, IncidentView> iterator = views().all()) {
            iterator.forEachRemaining(entry -> action.accept(entry.value));
            return true;
        } catch (InvalidStateStoreException e) {
            LOG.debugf("Incident store not queryable: %s", e.getMessage());
            return false;
        }
    }

    /**
     * The public side of every incident held here that is open or was resolved after {@code resolvedAfter}; a
     * view and its timeline share a key, so both are in this instance's stores.
     */
    public Optional<List<PublicIncident>> localPublicIncidents(Instant resolvedAfter) {
        try {
            List<PublicIncident> incidents = new ArrayList<>();
            try (KeyValueIterator<String, IncidentView> iterator = views().all()) {
                iterator.forEachRemaining(entry -> {
                    IncidentView view = entry.value;
                    if (view.open() || view.resolvedAt().isAfter(resolvedAfter)) {
                        incidents.add(PublicIncident.of(view, localTimeline(view.incidentId())));
                    }
                });
            }
            return Optional.of(incidents);
        } catch (InvalidStateStoreException e) {
            LOG.debugf("Incident stores not queryable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Every maintenance window whose view this instance holds; empty while the store cannot be read. */
    public Optional<List<MaintenanceView>> localMaintenances() {
        try (KeyValueIterator<String, MaintenanceView> iterator = maintenanceViews().all()) {
            List<MaintenanceView> all = new ArrayList<>();
            iterator.forEachRemaining(entry -> all.add(entry.value));
            return Optional.of(all);
        } catch (InvalidStateStoreException e) {
            LOG.debugf("Maintenance store not queryable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The public side of this instance's PUBLIC maintenance windows that are not over or ended after
     * {@code endedAfter}; empty while the store cannot be read.
     */
    public Optional<List<PublicMaintenance>> localPublicMaintenances(Instant endedAfter) {
        return localMaintenances().map(views -> views.stream()
                .filter(view -> !view.status().isOver() || view.endedAt().isAfter(endedAfter))
                .flatMap(view -> PublicMaintenance.of(view).stream()).toList());
    }

    /** The other instances of this application, to ask for their part of a list; empty while it is not running. */
    public Optional<List<HostInfo>> otherInstances() {
        try {
            return Optional.of(streams.metadataForAllStreamsClients().stream()
                    .map(StreamsMetadata::hostInfo)
                    .filter(host -> !host.equals(self))
                    .toList());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            LOG.debugf("No metadata of other instances: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code key} of {@code store}: here, at which other instance, not known, or not answerable now. */
    private <T> QueryResult<T> byOwner(String store, String key, Supplier<Optional<T>> local) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            // not running yet (StreamsNotStartedException), rebalancing, or shutting down
            LOG.debugf("No metadata for key %s: %s", key, e.getMessage());
            return new QueryResult.Unavailable<>();
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new QueryResult.Unavailable<>();
        }
        if (!owner.activeHost().equals(self)) {
            LOG.debugf("Key %s is owned by %s, not by this instance (%s)", key, owner.activeHost(), self);
            return new QueryResult.FoundRemotely<>(owner.activeHost().host(), owner.activeHost().port());
        }
        try {
            return local.get().<QueryResult<T>>map(QueryResult.Found::new)
                    .orElseGet(QueryResult.NotFound::new);
        } catch (InvalidStateStoreException e) {
            return new QueryResult.Unavailable<>();
        }
    }

    private ReadOnlyKeyValueStore<String, IncidentView> views() {
        return streams.store(StoreQueryParameters.fromNameAndType(ProjectionTopology.VIEW_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, MaintenanceView> maintenanceViews() {
        return streams.store(StoreQueryParameters.fromNameAndType(ProjectionTopology.MAINTENANCE_VIEW_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, TimelineEntry> timelines() {
        return streams.store(StoreQueryParameters.fromNameAndType(ProjectionTopology.TIMELINE_STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
