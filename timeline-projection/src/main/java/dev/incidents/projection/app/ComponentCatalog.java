package dev.incidents.projection.app;

import dev.incidents.support.background.Supervisor;
import dev.incidents.support.catalog.CatalogEntry;
import dev.incidents.support.catalog.ComponentDirectory;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The component catalog as this instance reads it from incident-components: the names, groups and order the status
 * page lists components in, and which of them the public sees.
 */
@ApplicationScoped
public class ComponentCatalog {

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final RegistryAvroSerdes serdes;
    private final ProjectionConfig config;
    private ComponentDirectory directory;

    ComponentCatalog(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes, ProjectionConfig config) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.serdes = serdes;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        directory = ComponentDirectory.follow(clients, supervisor, serdes, config.statusPage().catalogWait());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (directory != null) {
            directory.close();
        }
    }

    /**
     * Every component, retired and private ones too, in the status page's order.
     *
     * @throws dev.incidents.support.table.StoreUnavailableException while the catalog is still loading
     */
    public List<CatalogEntry> all() {
        return directory.all();
    }
}
