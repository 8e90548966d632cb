package dev.incidents.commands.app;

import dev.incidents.avro.UpdateTemplate;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Template;
import dev.incidents.commands.domain.TemplateKind;
import dev.incidents.commands.wire.TemplateMapper;
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

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The update templates, held whole by each instance from the compacted incident-templates topic; a change returns
 * once this instance has read it back. As with the component catalog, If-Match guards against stale reads and the
 * later of two simultaneous changes wins.
 */
@ApplicationScoped
public class TemplateLibrary {

    private static final Logger LOG = Logger.getLogger(TemplateLibrary.class);
    private static final Comparator<Template> LISTED = Comparator
            .comparing((Template t) -> t.definition().kind())
            .thenComparing(t -> t.definition().name())
            .thenComparing(Template::id);

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final RegistryAvroSerdes serdes;
    private final IncidentsConfig config;
    private TopicTable<UpdateTemplate, Template> table;

    TemplateLibrary(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes, IncidentsConfig config) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.serdes = serdes;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        table = TopicTable.inHeap(clients, supervisor, IncidentTopic.INCIDENT_TEMPLATES.topicName(),
                serdes.forValue(IncidentTopic.INCIDENT_TEMPLATES), TemplateMapper::toDomain, config.sendTimeout());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (table != null) {
            table.close();
        }
    }

    public Optional<Template> find(String id) {
        return table.get(id);
    }

    /** By kind (declarations, updates, resolutions), then name; all kinds when {@code kind} is empty. */
    public List<Template> all(Optional<TemplateKind> kind) {
        try (Stream<Template> templates = table.values()) {
            return templates.filter(t -> kind.map(k -> t.definition().kind() == k).orElse(true))
                    .sorted(LISTED).toList();
        }
    }

    public int size() {
        try (Stream<Template> templates = table.values()) {
            return (int) templates.count();
        }
    }

    public Template save(Template template, Actor actor) {
        table.put(template.id(), TemplateMapper.toAvro(template, actor));
        LOG.infof("Template %s is at version %d (by %s)", template.id(), template.version(), actor.id());
        return template;
    }

    public void remove(Template template, Actor actor) {
        table.delete(template.id());
        LOG.infof("Template %s removed at version %d by %s", template.id(), template.version(), actor.id());
    }
}
