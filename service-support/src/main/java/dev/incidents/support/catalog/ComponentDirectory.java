package dev.incidents.support.catalog;

import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.ComponentRetired;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.TopicTable;
import dev.incidents.support.wire.RegistryAvroSerdes;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The component catalog, read-only, for the services that follow it (the projection's status page, the notifier's
 * subscriptions): the compacted incident-components topic held whole in the heap. The command service writes it.
 */
public final class ComponentDirectory implements AutoCloseable {

    /** The status page's order: by group (ungrouped first), order within it, name, id. */
    public static final Comparator<CatalogEntry> LISTED = Comparator
            .comparing(CatalogEntry::group, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(CatalogEntry::order)
            .thenComparing(CatalogEntry::name)
            .thenComparing(CatalogEntry::id);

    private final TopicTable<ComponentEvent, CatalogEntry> table;

    private ComponentDirectory(TopicTable<ComponentEvent, CatalogEntry> table) {
        this.table = table;
    }

    /** Starts reading the catalog; reads wait (up to {@code timeout}) until what the topic held is loaded. */
    public static ComponentDirectory follow(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes,
                                            Duration timeout) {
        return new ComponentDirectory(TopicTable.inHeap(clients, supervisor,
                IncidentTopic.INCIDENT_COMPONENTS.topicName(), serdes.forValue(IncidentTopic.INCIDENT_COMPONENTS),
                ComponentDirectory::entryOf, timeout));
    }

    public Optional<CatalogEntry> find(String id) {
        return table.get(id);
    }

    /** Every component, retired ones too, in {@link #LISTED} order. */
    public List<CatalogEntry> all() {
        try (Stream<CatalogEntry> entries = table.values()) {
            return entries.sorted(LISTED).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        table.close();
    }

    /** What a record of incident-components says of its component. */
    public static CatalogEntry entryOf(ComponentEvent event) {
        return switch (event.getPayload()) {
            case ComponentDefined d -> new CatalogEntry(event.getComponentId(), d.getName(), d.getDescription(),
                    d.getGroup(), d.getOrder(), d.getVisibleToPublic(), false);
            case ComponentRetired r -> new CatalogEntry(event.getComponentId(), r.getName(), r.getDescription(),
                    r.getGroup(), r.getOrder(), r.getVisibleToPublic(), true);
            default -> throw new IllegalArgumentException("Unknown component change "
                    + event.getPayload().getClass().getName() + " of " + event.getComponentId());
        };
    }
}
