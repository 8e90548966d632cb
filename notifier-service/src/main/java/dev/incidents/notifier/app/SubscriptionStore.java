package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.StoreUnavailableException;
import dev.incidents.support.table.TopicTable;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Subscriptions kept in the compacted notifier-subscriptions topic and nowhere else; a change returns once this
 * instance has read it back, so the next read here sees it. Once loaded, it writes again every subscription whose
 * secrets are not sealed with the active key, so that after a key rotation the old key can be retired.
 */
@ApplicationScoped
public class SubscriptionStore {

    private static final Logger LOG = Logger.getLogger(SubscriptionStore.class);
    private static final Duration RESEAL_RETRY = Duration.ofSeconds(5);

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final NotifierConfig config;
    private final RegistryAvroSerdes serdes;
    private final SubscriptionMapper mapper;
    private final Set<String> toReseal = ConcurrentHashMap.newKeySet();
    private final Supervisor.Timer resealer;
    private TopicTable<dev.incidents.avro.notifier.Subscription, Subscription> table;

    SubscriptionStore(KafkaClients clients, Supervisor supervisor, NotifierConfig config, RegistryAvroSerdes serdes,
                      SubscriptionMapper mapper) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.config = config;
        this.serdes = serdes;
        this.mapper = mapper;
        this.resealer = supervisor.timer("subscription-resealer");
    }

    void start(@Observes StartupEvent event) {
        table = TopicTable.inHeap(clients, supervisor, IncidentTopic.NOTIFIER_SUBSCRIPTIONS.topicName(),
                serdes.forValue(IncidentTopic.NOTIFIER_SUBSCRIPTIONS), this::read, config.writeTimeout());
        resealer.schedule(Duration.ZERO, this::resealAll);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        resealer.close();
        if (table != null) {
            table.close();
        }
    }

    public Optional<Subscription> find(String id) {
        return table.get(id);
    }

    public List<Subscription> all() {
        try (Stream<Subscription> subscriptions = table.values()) {
            return subscriptions.sorted(Comparator.comparing(Subscription::createdAt)
                    .thenComparing(Subscription::id)).toList();
        }
    }

    public int count() {
        try (Stream<Subscription> subscriptions = table.values()) {
            return (int) subscriptions.count();
        }
    }

    public Subscription save(Subscription subscription) {
        table.put(subscription.id(), mapper.toAvro(subscription));
        return subscription;
    }

    public void delete(String id) {
        table.delete(id);
    }

    private Subscription read(dev.incidents.avro.notifier.Subscription record) {
        if (mapper.sealedWithActiveKey(record)) {
            toReseal.remove(record.getSubscriptionId());
        } else {
            toReseal.add(record.getSubscriptionId());
        }
        return mapper.toDomain(record);
    }

    /** Writes each subscription not sealed with the active key as it is (same version), sealed with that key. */
    private void resealAll() {
        try {
            int resealed = 0;
            table.awaitLoaded();
            for (String id : List.copyOf(toReseal)) {
                Optional<Subscription> subscription = find(id);
                if (subscription.isPresent()) {
                    save(subscription.get());
                    resealed++;
                }
                toReseal.remove(id);
            }
            if (resealed > 0) {
                LOG.infof("Sealed the secrets of %d subscription(s) with key '%s'", resealed, mapper.activeKeyId());
            }
        } catch (StoreUnavailableException e) {
            LOG.infof("Subscriptions not sealed with the active key are sealed again in %s: %s", RESEAL_RETRY,
                    e.getMessage());
            resealer.schedule(RESEAL_RETRY, this::resealAll);
        }
    }
}
