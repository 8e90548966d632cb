package dev.incidents.notifier.app;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.AwaitedWrites;
import dev.incidents.support.table.StoreUnavailableException;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a failed message again, on request: the ledger first says it is retrying from scratch, then the whole
 * message goes back on the outbox under the same id, so receivers can still tell a repeat.
 */
@ApplicationScoped
public class Redelivery {

    /** Why a message cannot be sent again: not failed, or no longer kept. */
    public static final class NotRedeliverableException extends RuntimeException {
        private final boolean missing;

        NotRedeliverableException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }

    private final DeliveryLedger ledger;
    private final Clock clock;
    private final Duration timeout;
    private final KafkaProducer<String, OutboundMessage> producer;

    Redelivery(KafkaClients clients, DeliveryLedger ledger,
               Clock clock, NotifierConfig config, RegistryAvroSerdes serdes) {
        this.ledger = ledger;
        this.clock = clock;
        this.timeout = config.writeTimeout();
        this.producer = clients.producer("notifier-redelivery", AwaitedWrites.producerSettings(timeout),
                new StringSerializer(),
                serdes.forValue(IncidentTopic.NOTIFIER_OUTBOX).serializer());
    }

    void stop(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }

    public Delivery redeliver(String messageId) {
        Delivery failed = ledger.find(messageId).orElseThrow(() -> new NotRedeliverableException(
                "No delivery of message " + messageId + " is known.", true));
        if (failed.status() != Delivery.Status.FAILED) {
            throw new NotRedeliverableException("Message " + messageId + " is " + failed.status()
                    + "; only a FAILED message can be sent again.", false);
        }
        OutboundMessage message = ledger.failedMessage(messageId).orElseThrow(() -> new NotRedeliverableException(
                "Message " + messageId + " is no longer kept (30 days).", true));
        Delivery again = new Delivery(messageId, failed.subscriptionId(), failed.incidentId(),
                failed.maintenanceId(), failed.kind(),
                Delivery.Status.RETRYING, 0, failed.lastAttemptAt(), clock.instant(), failed.lastError(),
                failed.lastHttpStatus(), clock.instant());
        ledger.record(again);
        try {
            producer.send(new ProducerRecord<>(IncidentTopic.NOTIFIER_OUTBOX.topicName(),
                    message.getSubscriptionId(), message)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not take the message back; try again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while sending the message back.", e);
        }
        return again;
    }
}
