package dev.incidents.notifier.app;

import dev.incidents.avro.notifier.DeliveryRecord;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.notifier.wire.DeliveryMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The delivery ledger (notifier-deliveries, compacted, by message id) and the failed messages kept whole
 * (notifier-failed), both held in memory by every instance: a restart never resends what was delivered, and any
 * instance answers GET /deliveries.
 */
@ApplicationScoped
public class DeliveryLedger {

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final NotifierConfig config;
    private final RegistryAvroSerdes serdes;
    private TopicTable<DeliveryRecord, Delivery> deliveries;
    private TopicTable<OutboundMessage, OutboundMessage> failed;

    DeliveryLedger(KafkaClients clients, Supervisor supervisor, NotifierConfig config, RegistryAvroSerdes serdes) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.config = config;
        this.serdes = serdes;
    }

    void start(@Observes StartupEvent event) {
        deliveries = new TopicTable<>(clients, supervisor, IncidentTopic.NOTIFIER_DELIVERIES.topicName(),
                serdes.forValue(IncidentTopic.NOTIFIER_DELIVERIES), DeliveryMapper::toDomain, config.writeTimeout());
        failed = new TopicTable<>(clients, supervisor, IncidentTopic.NOTIFIER_FAILED.topicName(),
                serdes.forValue(IncidentTopic.NOTIFIER_FAILED), Function.identity(), config.writeTimeout());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (deliveries != null) {
            deliveries.close();
            failed.close();
        }
    }

    public Optional<Delivery> find(String messageId) {
        return deliveries.get(messageId);
    }

    public Collection<Delivery> all() {
        return deliveries.values();
    }

    public void record(Delivery delivery) {
        deliveries.put(delivery.messageId(), DeliveryMapper.toAvro(delivery));
    }

    /** Keeps the whole message of a failed delivery, then records the failure. */
    public void recordFailed(Delivery delivery, OutboundMessage message) {
        failed.put(message.getMessageId(), message);
        record(delivery);
    }

    public Optional<OutboundMessage> failedMessage(String messageId) {
        return failed.get(messageId);
    }
}
