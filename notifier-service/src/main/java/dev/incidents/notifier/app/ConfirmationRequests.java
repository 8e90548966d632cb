package dev.incidents.notifier.app;

import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.delivery.EmailLinks;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.NoticeRenderer;
import dev.incidents.notifier.render.SubscriptionMailRenderer;
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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts the request to confirm an email address on notifier-outbox, keyed by the subscription like every message to
 * it, so the dispatcher sends it with the same retries and ledger; it returns once Kafka has it.
 */
@ApplicationScoped
public class ConfirmationRequests {

    private final EmailLinks links;
    private final SubscriptionMailRenderer renderer;
    private final Clock clock;
    private final Duration timeout;
    private final KafkaProducer<String, OutboundMessage> producer;

    ConfirmationRequests(EmailLinks links, SubscriptionMailRenderer renderer, Clock clock, NotifierConfig config,
                         KafkaClients clients, RegistryAvroSerdes serdes) {
        this.links = links;
        this.renderer = renderer;
        this.clock = clock;
        this.timeout = config.writeTimeout();
        this.producer = clients.producer("notifier-confirmation-requests",
                AwaitedWrites.producerSettings(timeout), new StringSerializer(),
                serdes.forValue(IncidentTopic.NOTIFIER_OUTBOX).serializer());
    }

    void stop(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }

    /** Queues one confirmation mail for a subscription that awaits confirmation. */
    public void request(Subscription subscription) {
        if (!subscription.awaitingConfirmation()) {
            throw new IllegalArgumentException(subscription + " does not await confirmation");
        }
        EmailLinks.Confirmation confirmation = links.confirmation(subscription.id(), subscription.target());
        NoticeRenderer.Rendered rendered = renderer.confirmation(subscription.target(), confirmation.link(),
                confirmation.expiresAt(), subscription.locale(), subscription.timeZone());
        OutboundMessage message = OutboundMessage.newBuilder()
                .setMessageId("confirm_" + UUID.randomUUID()).setSubscriptionId(subscription.id())
                .setSourceId(subscription.id() + "/v" + subscription.version()).setIncidentId(null)
                .setKind(MessageKind.CONFIRMATION_REQUESTED).setCreatedAt(clock.instant())
                .setLocale(subscription.locale().toLanguageTag()).setSubject(rendered.subject())
                .setText(rendered.text()).setHtml(rendered.html()).build();
        try {
            producer.send(new ProducerRecord<>(IncidentTopic.NOTIFIER_OUTBOX.topicName(), subscription.id(), message))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not take the confirmation mail for subscription "
                    + subscription.id() + "; ask for it again (POST /subscriptions/" + subscription.id()
                    + "/confirmation-requests).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while queueing a confirmation mail.", e);
        }
    }
}
