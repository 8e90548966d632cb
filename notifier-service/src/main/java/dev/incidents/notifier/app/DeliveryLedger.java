package dev.incidents.notifier.app;

import dev.incidents.avro.notifier.DeliveryRecord;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.notifier.wire.DeliveryMapper;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.TopicTable;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The delivery ledger (notifier-deliveries, compacted, by message id) and the failed messages kept whole
 * (notifier-failed), both held by every instance on its local disk ({@code incidents.delivery.ledger-dir}), none of
 * it in the heap: a restart never resends what was delivered, and any instance answers GET /deliveries. An hourly
 * pass forgets settled deliveries older than {@code incidents.delivery.keep-settled} (tombstones; every instance may
 * write the same, which is harmless), so the topics and the disk do not grow with all deliveries ever made.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Duration SHORTEST_KEEP = Duration.ofMillis(IncidentTopic.NOTIFIER_OUTBOX.retention()
            .retentionMs()).plusDays(1);

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final NotifierConfig config;
    private final RegistryAvroSerdes serdes;
    private final Clock clock;
    private final Supervisor.Timer pruner;
    private TopicTable<DeliveryRecord, Delivery> deliveries;
    private TopicTable<OutboundMessage, OutboundMessage> failed;

    DeliveryLedger(KafkaClients clients, Supervisor supervisor, NotifierConfig config, RegistryAvroSerdes serdes,
                   Clock clock) {
        Duration keep = config.delivery().keepSettled();
        if (keep.compareTo(SHORTEST_KEEP) < 0) {
            throw new IllegalArgumentException("incidents.delivery.keep-settled is " + keep + "; it must be at least "
                    + SHORTEST_KEEP + ", longer than notifier-outbox keeps messages, or a message read again from "
                    + "the outbox would be sent again");
        }
        this.clients = clients;
        this.supervisor = supervisor;
        this.config = config;
        this.serdes = serdes;
        this.clock = clock;
        this.pruner = supervisor.timer("ledger-pruner");
    }

    void start(@Observes StartupEvent event) {
        Path dir = config.delivery().ledgerDir();
        deliveries = TopicTable.onDisk(dir.resolve("deliveries"), clients, supervisor,
                IncidentTopic.NOTIFIER_DELIVERIES.topicName(), serdes.forValue(IncidentTopic.NOTIFIER_DELIVERIES),
                DeliveryMapper::toDomain, config.writeTimeout());
        failed = TopicTable.onDisk(dir.resolve("failed"), clients, supervisor,
                IncidentTopic.NOTIFIER_FAILED.topicName(), serdes.forValue(IncidentTopic.NOTIFIER_FAILED),
                Function.identity(), config.writeTimeout());
        pruner.every(PRUNE_EVERY, PRUNE_EVERY, this::forgetSettled);
    }

    /** Forgets settled deliveries whose last change is older than the configured age. */
    void forgetSettled() {
        Instant cutoff = clock.instant().minus(config.delivery().keepSettled());
        List<Delivery> old;
        try (Stream<Delivery> all = deliveries.values()) {
            old = all.filter(delivery -> delivery.settled() && delivery.updatedAt().isBefore(cutoff)).toList();
        }
        if (old.isEmpty()) {
            return;
        }
        failed.deleteAll(old.stream().filter(delivery -> delivery.status() == Delivery.Status.FAILED)
                .map(Delivery::messageId).toList());
        deliveries.deleteAll(old.stream().map(Delivery::messageId).toList());
        LOG.info("Forgot {} settled deliveries last changed before {}", old.size(), cutoff);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pruner.close();
        if (deliveries != null) {
            deliveries.close();
            failed.close();
        }
    }

    public Optional<Delivery> find(String messageId) {
        return deliveries.get(messageId);
    }

    /** Every delivery the ledger holds, in no particular order; close the stream when done. */
    public Stream<Delivery> all() {
        return deliveries.values();
    }

    public void record(Delivery delivery) {
        record(delivery, Context.root());
    }

    /** @param trace the trace of the message delivered; its record on notifier-deliveries carries it */
    public void record(Delivery delivery, Context trace) {
        deliveries.put(delivery.messageId(), DeliveryMapper.toAvro(delivery), TraceHeaders.of(trace));
    }

    /** Keeps the whole message of a failed delivery, then records the failure. */
    public void recordFailed(Delivery delivery, OutboundMessage message, Context trace) {
        failed.put(message.getMessageId(), message, TraceHeaders.of(trace));
        record(delivery, trace);
    }

    /**
     * The ledger topic's end offsets now, as {@code consumer} (a read_committed one) is told them: what this
     * instance's copy must have read to know every outcome recorded so far, by any instance.
     */
    Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, Duration patience) {
        return consumer.endOffsets(deliveries.partitions(consumer, patience), patience);
    }

    /** Whether this instance's copy of the ledger has read every record below the given offsets. */
    boolean hasRead(Map<TopicPartition, Long> offsets) {
        return deliveries.hasRead(offsets);
    }

    public Optional<OutboundMessage> failedMessage(String messageId) {
        return failed.get(messageId);
    }
}
