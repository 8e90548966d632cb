package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions kept in the compacted notifier-subscriptions topic and nowhere else; a change returns once this
 * instance has read it back, so the next read here sees it.
 */
@ApplicationScoped
public class SubscriptionStore {

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final NotifierConfig config;
    private final RegistryAvroSerdes serdes;
    private TopicTable<dev.incidents.avro.notifier.Subscription, Subscription> table;

    SubscriptionStore(KafkaClients clients, Supervisor supervisor, NotifierConfig config, RegistryAvroSerdes serdes) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.config = config;
        this.serdes = serdes;
    }

    void start(@Observes StartupEvent event) {
        table = new TopicTable<>(clients, supervisor, IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName(),
                serdes.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS), SubscriptionMapper::toDomain,
                config.writeTimeout());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (table != null) {
            table.close();
        }
    }

    public Optional<Subscription> find(String id) {
        return table.get(id);
    }

    public List<Subscription> all() {
        return table.values().stream().sorted(Comparator.comparing(Subscription::createdAt)
                .thenComparing(Subscription::id)).toList();
    }

    public Subscription save(Subscription subscription) {
        table.put(subscription.id(), SubscriptionMapper.toAvro(subscription));
        return subscription;
    }

    public void delete(String id) {
        table.delete(id);
    }
}
