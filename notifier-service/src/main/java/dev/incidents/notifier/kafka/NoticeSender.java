package dev.incidents.notifier.kafka;

import dev.incidents.avro.ComponentEvent;
import dev.incidents.notifier.domain.ComponentGroups;
import dev.incidents.notifier.domain.Notice;
import dev.incidents.notifier.domain.NoticeRouter;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.render.NoticeRenderer;
import dev.incidents.notifier.wire.SubscriptionMapper;
import dev.incidents.support.catalog.ComponentDirectory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a planned notice, for both planners (incidents, maintenance windows): asks the router who is to hear of
 * it, against the subscriptions and the catalog's groups as the global stores hold them now, writes the message for
 * each in their language and zone, and forwards it to the outbox sink, in the task's transaction. One message that
 * cannot be written is logged and the others go on.
 */
final class NoticeSender {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

    private final NoticeRenderer renderer;
    private final Deserializer<dev.incidents.avro.notifier.Subscription> subscriptionValues;
    private final Deserializer<ComponentEvent> catalogValues;
    private final SubscriptionMapper mapper;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> subscriptions;
    private KeyValueStore<String, byte[]> catalog;

    NoticeSender(NoticeRenderer renderer, Deserializer<dev.incidents.avro.notifier.Subscription> subscriptionValues,
                 Deserializer<ComponentEvent> catalogValues, SubscriptionMapper mapper) {
        this.renderer = renderer;
        this.subscriptionValues = subscriptionValues;
        this.catalogValues = catalogValues;
        this.mapper = mapper;
    }

    /** Called from the processor's own {@code init}: the global stores are reached through its context. */
    void init(ProcessorContext<String, Object> processorContext) {
        context = processorContext;
        subscriptions = processorContext.getStateStore(PlannerTopology.SUBSCRIPTION_STORE);
        catalog = processorContext.getStateStore(PlannerTopology.CATALOG_STORE);
    }

    void send(Notice notice, long timestamp, Headers trace) {
        ComponentGroups groups = ComponentGroups.askingOnce(this::groupOf);
        for (Subscription subscription : NoticeRouter.recipients(notice, subscriptions(), groups)) {
            String messageId = NoticeRouter.messageId(notice, subscription);
            try {
                NoticeRenderer.Rendered rendered = renderer.render(notice, subscription.locale(),
                        subscription.timeZone());
                context.forward(new Record<String, Object>(subscription.id(),
                        OutboxMapper.toAvro(messageId, subscription, notice, rendered), timestamp, trace),
                        PlannerTopology.OUTBOX_SINK);
            } catch (RuntimeException e) {
                LOG.error("Message {} ({} of {}) for subscription {} could not be written; the others go on",
                        messageId, notice.kind(), notice.subject().id(), subscription.id(), e);
            }
        }
    }

    private Optional<String> groupOf(String componentId) {
        byte[] record = catalog.get(componentId);
        return record == null ? Optional.empty() : Optional.ofNullable(ComponentDirectory.entryOf(
                catalogValues.deserialize(PlannerTopology.CATALOG_TOPIC, record)).group());
    }

    private List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> iterator = subscriptions.all()) {
            iterator.forEachRemaining(entry -> all.add(mapper.toDomainWithoutSecrets(subscriptionValues.deserialize(
                    PlannerTopology.SUBSCRIPTIONS_TOPIC, entry.value))));
        }
        return all;
    }
}
