package dev.incidents.support.catalog;

import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Optional;

/**
 * The component catalog for the services that read it (the projection's status page, the notifier's subscriptions),
 * followed from the first use on: a service that never asks for it (the command service keeps its own, writable
 * catalog) never reads the topic.
 */
@ApplicationScoped
public class FollowedCatalog {

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final RegistryAvroSerdes serdes;
    private final CatalogConfig config;
    private ComponentDirectory directory;

    FollowedCatalog(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes, CatalogConfig config) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.serdes = serdes;
        this.config = config;
    }

    /**
     * Every component, retired and private ones too, in the status page's order.
     *
     * @throws dev.incidents.support.table.StoreUnavailableException while the catalog is still loading
     */
    public List<CatalogEntry> all() {
        return directory().all();
    }

    public Optional<CatalogEntry> find(String id) {
        return directory().find(id);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        ComponentDirectory started;
        synchronized (this) {
            started = directory;
            directory = null;
        }
        if (started != null) {
            started.close();
        }
    }

    private synchronized ComponentDirectory directory() {
        if (directory == null) {
            directory = ComponentDirectory.follow(clients, supervisor, serdes, config.loadWait());
        }
        return directory;
    }
}
