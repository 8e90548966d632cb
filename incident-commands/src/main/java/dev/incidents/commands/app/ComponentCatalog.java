package dev.incidents.commands.app;

import dev.incidents.avro.ComponentEvent;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Component;
import dev.incidents.commands.domain.ComponentAdmission;
import dev.incidents.commands.domain.ComponentDefinition;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.commands.wire.ComponentMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.TopicTable;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The component catalog, held whole by each instance from the compacted incident-components topic; a change
 * returns once this instance has read it back, so the next request here sees it. Two instances changing the same
 * component at the same moment both succeed and the later record wins (If-Match guards against stale reads, not
 * against that race; catalog changes are rare admin work).
 */
@ApplicationScoped
public class ComponentCatalog {

    private static final Logger LOG = Logger.getLogger(ComponentCatalog.class);
    private static final Comparator<Component> LISTED = Comparator
            .comparing((Component c) -> c.definition().group(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(c -> c.definition().order())
            .thenComparing(c -> c.definition().name())
            .thenComparing(Component::id);

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final RegistryAvroSerdes serdes;
    private final IncidentsConfig config;
    private final Clock clock;
    private TopicTable<ComponentEvent, Component> table;

    ComponentCatalog(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes, IncidentsConfig config,
                     Clock clock) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.serdes = serdes;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        table = TopicTable.inHeap(clients, supervisor, IncidentTopic.INCIDENT_COMPONENTS.topicName(),
                serdes.forValue(IncidentTopic.INCIDENT_COMPONENTS), ComponentMapper::toDomain,
                config.sendTimeout());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (table != null) {
            table.close();
        }
    }

    public Optional<Component> find(String id) {
        return table.get(id);
    }

    /** By group (ungrouped first), order within it, then name. */
    public List<Component> all() {
        try (Stream<Component> components = table.values()) {
            return components.sorted(LISTED).toList();
        }
    }

    /** How many components are in use (not retired). */
    public int inUse() {
        try (Stream<Component> components = table.values()) {
            return (int) components.filter(c -> !c.retired()).count();
        }
    }

    /** Stores {@code component} as {@code actor} changed it. */
    public Component save(Component component, Actor actor) {
        table.put(component.id(), ComponentMapper.toAvro(component, actor));
        LOG.infof("Component %s is at version %d%s", component.id(), component.version(),
                component.retired() ? " (retired)" : "");
        return component;
    }

    /**
     * Checks the components a declare names against the catalog and adds the unknown ones its sender may add (while
     * the catalog has room: beyond it, they are named by the incident only).
     *
     * @return why the declare is refused, if it is
     */
    public Optional<Rejection> admit(List<String> named, Actor actor, ComponentAdmission.Unknown unknown) {
        if (named.stream().allMatch(id -> find(id).filter(c -> !c.retired()).isPresent())) {
            return Optional.empty();
        }
        ComponentAdmission.Admission admission = ComponentAdmission.admit(named, all(), unknown,
                config.components().max() - inUse());
        for (String id : admission.toCreate()) {
            save(Component.defined(id, ComponentDefinition.namedOnDeclare(id), true, clock.instant()), actor);
        }
        return admission.refused();
    }
}
