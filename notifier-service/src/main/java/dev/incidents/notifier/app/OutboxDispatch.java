package dev.incidents.notifier.app;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.delivery.DeliveryJob;
import dev.incidents.notifier.delivery.Dispatcher;
import dev.incidents.notifier.delivery.EmailSender;
import dev.incidents.notifier.delivery.HttpDelivery;
import dev.incidents.notifier.delivery.MessageSender;
import dev.incidents.notifier.delivery.NetworkPolicy;
import dev.incidents.notifier.domain.AttemptOutcome;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.RetrySchedule;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.table.StoreUnavailableException;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Delivers what the planner wrote: reads notifier-outbox in the dispatcher group, skips what the ledger says is
 * settled, hands the rest to the dispatcher, records every outcome in the ledger, and commits an outbox offset only
 * once every message before it is settled (delivered, failed for good, or cancelled). A message whose next attempt
 * is hours away stays unsettled; after a restart it is read again and waits for the time the ledger recorded.
 * Partitions move between instances without a message going twice where that can be helped: a partition is given
 * up once its attempts under way are recorded, read by its new owner once that one's ledger copy has caught up, and
 * a job whose partition has gone (lost, or after an outcome could not be recorded, possibly lost) is not attempted.
 */
@ApplicationScoped
public class OutboxDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatch.class);
    private static final String OUTBOX = IncidentTopic.NOTIFIER_OUTBOX.topicName();
    private static final Duration LEDGER_END_PATIENCE = Duration.ofSeconds(5);
    private static final Duration OWNERSHIP_CHECK_PATIENCE = Duration.ofSeconds(5);
    /** Beyond the receiver's time to answer: how long recording an outcome may take. */
    private static final Duration RECORDING_PATIENCE = Duration.ofSeconds(10);

    /**
     * A message of the outbox and where it was read, so its offset can be settled.
     *
     * @param appendedAt the outbox record's timestamp: its event's append time, which Kafka Streams passes on
     * @param trace      the trace context the outbox record carries (the planning of it, and back to the command)
     */
    record Pending(OutboundMessage message, TopicPartition partition, long offset, Instant appendedAt,
                   Context trace) {
    }

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final NotifierConfig config;
    private final SubscriptionStore subscriptions;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final Deserializer<OutboundMessage> messages;
    private final HttpDelivery http;
    private final MessageSender sender;
    private final DeadLetters deadLetters;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    /** Made anew at each start of the loop, with the consumer. */
    private LedgerCatchUp catchUp = new LedgerCatchUp();
    /** Attempts under way per outbox partition: a partition is given up only once its attempts are recorded. */
    private final Map<TopicPartition, Integer> attempting = new HashMap<>();
    /** Set when an outcome could not be recorded: this instance may have been cut off and lost its partitions. */
    private final AtomicBoolean ownershipInDoubt = new AtomicBoolean();
    private final Supervisor.Timer timer;
    private final Backlog backlog;
    private final DeliveryMeters meters;
    private final Tracer tracer;
    private Dispatcher<Pending> dispatcher;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Supervisor.Handle loop;

    OutboxDispatch(KafkaClients clients, Supervisor supervisor, NotifierConfig config,
                   SubscriptionStore subscriptions, DeliveryLedger ledger, EmailSender email, Clock clock,
                   RegistryAvroSerdes serdes, NetworkPolicy network, MeterRegistry registry, Tracer tracer) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.config = config;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.clock = clock;
        this.messages = serdes.forValue(IncidentTopic.NOTIFIER_OUTBOX).deserializer();
        this.http = new HttpDelivery(network, config.delivery().timeout(), config.delivery().longestRetryAfter(),
                clock);
        this.sender = new MessageSender(http, email, clock);
        this.deadLetters = new DeadLetters(clients, registry);
        this.meters = new DeliveryMeters(registry, clock);
        this.tracer = tracer;
        this.timer = supervisor.timer("delivery-timer");
        this.backlog = new Backlog(config.delivery().maxQueuedPerDestination());
    }

    /** After the subscription store and the ledger (default priority) have started. */
    void start(@Observes @Priority(3000) StartupEvent event) {
        NotifierConfig.Delivery settings = config.delivery();
        dispatcher = new Dispatcher<>(this::attempt, new LedgerRecorder(),
                new RetrySchedule(settings.retrySchedule(), settings.retryJitter()),
                (when, task) -> timer.schedule(Duration.between(clock.instant(), when), task),
                clock, () -> ThreadLocalRandom.current().nextDouble(), settings.maxInFlightPerDestination(),
                this::mayAttempt);
        loop = supervisor.start("outbox-dispatch", this::run, this::wake);
    }

    private KafkaConsumer<String, byte[]> open() {
        return clients.consumer("notifier-dispatcher", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "notifier-dispatcher",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // a crashed instance's partitions move on after 10 s, not the default 45 s of silence
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private void wake() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
        timer.close();
        deadLetters.close();
        http.close();
    }

    /**
     * Each start (again, after a failure) joins the group anew: the partitions resume at their committed offsets,
     * and what was in flight but not settled is read and sent again (at least once, as after a crash).
     */
    private void run(BooleanSupplier running) {
        catchUp = new LedgerCatchUp();
        consumer = open();
        try {
            consumer.subscribe(List.of(OUTBOX), new CommitOnRevoke());
            dispatch(running);
            commitSettled(progress.keySet());
        } finally {
            consumer.close();
            consumer = null;
            progress.clear();
        }
    }

    private void dispatch(BooleanSupplier running) {
        try {
            while (running.getAsBoolean()) {
                confirmOwnership();
                readCaughtUpPartitions();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record);
                }
                commitSettled(progress.keySet());
                pauseOrResume();
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, key -> new PartitionProgress());
        partitionProgress.started(record.offset());
        OutboundMessage message;
        try {
            message = messages.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            deadLetters.send(record, "Not a valid OutboundMessage in the registered Avro contract", e);
            partitionProgress.settled(record.offset());
            return;
        }
        Delivery known = ledger.find(message.getMessageId()).orElse(null);
        if (known != null && known.settled()) {
            partitionProgress.settled(record.offset());
            return;
        }
        Instant appendedAt = Instant.ofEpochMilli(record.timestamp());
        DeliveryJob<Pending> job = new DeliveryJob<>(message.getMessageId(), message.getSubscriptionId(),
                new Pending(message, partition, record.offset(), appendedAt, TraceHeaders.extract(record.headers())),
                known == null ? 0 : known.attempts());
        meters.taken(message.getMessageId(), appendedAt, known != null && known.attempts() > 0);
        backlog.taken(job.destination(), partition);
        Instant next = known == null ? null : known.nextAttemptAt();
        if (next != null && next.isAfter(clock.instant())) {
            timer.schedule(Duration.between(clock.instant(), next), () -> dispatcher.submit(job));
        } else {
            dispatcher.submit(job);
        }
    }

    /**
     * A job is let go once its partition is no longer this instance's (another re-reads it from the last commit),
     * and waits while this instance's ownership is in doubt.
     */
    private Dispatcher.Gate.Verdict mayAttempt(DeliveryJob<Pending> job) {
        if (!progress.containsKey(job.message().partition())) {
            return Dispatcher.Gate.Verdict.LET_GO;
        }
        return ownershipInDoubt.get() ? Dispatcher.Gate.Verdict.WAIT : Dispatcher.Gate.Verdict.SEND;
    }

    /**
     * After an outcome could not be recorded, sends wait until a commit shows that this instance still owns its
     * partitions: the group takes a commit only from a current member, and an instance cut off from Kafka for a
     * session has lost them to another, which may have delivered their messages meanwhile.
     */
    private void confirmOwnership() {
        if (!ownershipInDoubt.get()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            consumer.committed(consumer.assignment(), OWNERSHIP_CHECK_PATIENCE).forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset);
                }
            });
            consumer.commitSync(committed, OWNERSHIP_CHECK_PATIENCE);
            ownershipInDoubt.set(false);
            LOG.info("This instance still owns outbox partitions {}; deliveries go on", consumer.assignment());
        } catch (org.apache.kafka.common.errors.TimeoutException | RebalanceInProgressException e) {
            LOG.warn("Deliveries wait: whether this instance still owns its outbox partitions is not known yet ({})",
                    e.getMessage());
        }
    }

    /** One attempt, in a span of the message's trace that ends when the attempt does. */
    private CompletableFuture<AttemptOutcome> attempt(DeliveryJob<Pending> job) {
        synchronized (attempting) {
            attempting.merge(job.message().partition(), 1, Integer::sum);
        }
        Span span = tracer.spanBuilder("deliver").setParent(job.message().trace()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("messaging.message.id", job.messageId())
                .setAttribute("incident.subscription.id", job.destination()).startSpan();
        try {
            return send(job, TraceHeaders.traceparent(job.message().trace().with(span)))
                    .whenComplete((outcome, error) -> {
                        span.setAttribute("incident.delivery.outcome", outcome == null ? "error"
                                : outcome.getClass().getSimpleName());
                        span.end();
                    });
        } catch (RuntimeException e) {
            span.end();
            throw e;
        }
    }

    private CompletableFuture<AttemptOutcome> send(DeliveryJob<Pending> job, Optional<String> traceparent) {
        OutboundMessage message = job.message().message();
        MessageKind kind = MessageKind.valueOf(message.getKind().name());
        return subscriptions.find(job.destination())
                .map(subscription -> subscription.mayBeSent(kind) ? sender.send(message, subscription, traceparent)
                        : CompletableFuture.<AttemptOutcome>completedFuture(new AttemptOutcome.Dropped(
                                subscription.awaitingConfirmation() ? "the address awaits confirmation"
                                        : "the address is confirmed already")))
                .orElseGet(() -> CompletableFuture.completedFuture(
                        new AttemptOutcome.Dropped("the subscription was deleted")));
    }

    /** Starts reading the partitions that came to this instance once its ledger copy has caught up. */
    private void readCaughtUpPartitions() {
        try {
            Set<TopicPartition> released = new HashSet<>(catchUp.release(
                    () -> ledger.endOffsets(consumer, LEDGER_END_PATIENCE), ledger::hasRead));
            released.retainAll(consumer.assignment());
            if (!released.isEmpty()) {
                Set<TopicPartition> full = backlog.full();
                consumer.resume(released.stream().filter(partition -> !full.contains(partition)).toList());
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("The ledger's end is not known yet ({}); outbox partitions just given to this instance wait",
                    e.getMessage());
        }
    }

    /** Stops reading partitions a destination has a full queue on, and reads again those drained meanwhile. */
    private void pauseOrResume() {
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> full = backlog.full().stream().filter(assigned::contains)
                .filter(partition -> !paused.contains(partition)).collect(Collectors.toSet());
        if (!full.isEmpty()) {
            LOG.warn("Not reading outbox partitions {} while a destination on them holds {} messages or more",
                    full, config.delivery().maxQueuedPerDestination());
            consumer.pause(full);
        }
        Set<TopicPartition> drained = backlog.drained(paused).stream().filter(assigned::contains)
                .filter(partition -> !catchUp.isWaiting(partition)).collect(Collectors.toSet());
        if (!drained.isEmpty()) {
            LOG.info("Reading outbox partitions {} again", drained);
            consumer.resume(drained);
        }
    }

    /** Commits, for each partition, how far its messages are settled, if that moved since the last commit. */
    private void commitSettled(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            long uncommitted = partitionProgress == null ? -1 : partitionProgress.uncommitted();
            if (uncommitted >= 0) {
                offsets.put(partition, new OffsetAndMetadata(uncommitted));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (RebalanceInProgressException e) {
            LOG.debug("Outbox offsets are committed after the rebalance under way: {}", e.getMessage());
            return;
        }
        offsets.forEach((partition, offset) -> {
            PartitionProgress committed = progress.get(partition);
            if (committed != null) {
                committed.committed(offset.offset());
            }
        });
    }

    private void settle(Pending pending) {
        PartitionProgress partitionProgress = progress.get(pending.partition());
        if (partitionProgress != null) {
            partitionProgress.settled(pending.offset());
        }
    }

    private Delivery entry(DeliveryJob<Pending> job, Delivery.Status status, Instant next, String error,
                           int httpStatus) {
        OutboundMessage message = job.message().message();
        Instant now = clock.instant();
        return new Delivery(job.messageId(), job.destination(), message.getIncidentId(),
                message.getMaintenance() == null ? null : message.getMaintenance().getMaintenanceId(), MessageKind.valueOf(message.getKind().name()), status, job.attemptsMade(), now, next, error,
                httpStatus, now);
    }

    /** Writes each outcome to the ledger; only then is the outbox offset settled. */
    private final class LedgerRecorder implements Dispatcher.Listener<Pending> {
        @Override
        public void delivered(DeliveryJob<Pending> job, AttemptOutcome.Delivered outcome) {
            backlog.released(job.destination());
            write(job, Delivery.Status.DELIVERED,
                    status -> ledger.record(entry(job, status, null, null, outcome.status()), job.message().trace()));
        }

        @Override
        public void retrying(DeliveryJob<Pending> job, AttemptOutcome.Failed outcome, Instant next) {
            LOG.info("Message {} to subscription {}: attempt {} failed ({}); next at {}", job.messageId(),
                    job.destination(), job.attemptsMade(), outcome.reason(), next);
            write(job, Delivery.Status.RETRYING,
                    status -> ledger.record(entry(job, status, next, outcome.reason(), outcome.status()),
                            job.message().trace()));
        }

        @Override
        public void failed(DeliveryJob<Pending> job, AttemptOutcome.Failed outcome) {
            LOG.warn("Message {} to subscription {} failed for good after {} attempts ({})", job.messageId(),
                    job.destination(), job.attemptsMade(), outcome.reason());
            backlog.released(job.destination());
            write(job, Delivery.Status.FAILED, status -> ledger.recordFailed(entry(job, status, null,
                    outcome.reason(), outcome.status()), job.message().message(), job.message().trace()));
        }

        @Override
        public void dropped(DeliveryJob<Pending> job, AttemptOutcome.Dropped outcome) {
            backlog.released(job.destination());
            write(job, Delivery.Status.CANCELLED,
                    status -> ledger.record(entry(job, status, null, outcome.reason(), 0), job.message().trace()));
        }

        /**
         * Counts the outcome, then records it; only an outcome that settles the message (all but RETRYING) settles
         * its offset. If the ledger cannot be written, the offset stays unsettled: after a restart it goes again.
         */
        private void write(DeliveryJob<Pending> job, Delivery.Status status, Consumer<Delivery.Status> recording) {
            meters.attempted(job.messageId(), subscriptions.find(job.destination())
                    .map(subscription -> subscription.channel().name()).orElse("UNKNOWN"), status);
            try {
                recording.accept(status);
                settleUnlessRetrying(job, status);
            } catch (StoreUnavailableException e) {
                if (e.written()) {
                    LOG.warn("The outcome of message {} is in the ledger, not yet read back here: {}",
                            job.messageId(), e.getMessage());
                    settleUnlessRetrying(job, status);
                } else {
                    ownershipInDoubt.set(true);
                    LOG.error("The outcome of message {} could not be recorded; it stays unsettled and is sent again "
                            + "after a restart", job.messageId(), e);
                }
            } finally {
                attemptEnded(job.message().partition());
            }
        }

        @Override
        public void letGo(DeliveryJob<Pending> job) {
            backlog.released(job.destination());
        }

        private void settleUnlessRetrying(DeliveryJob<Pending> job, Delivery.Status status) {
            if (status != Delivery.Status.RETRYING) {
                settle(job.message());
            }
        }
    }

    /** Marks the end of an attempt once its outcome is recorded (or could not be). */
    private void attemptEnded(TopicPartition partition) {
        synchronized (attempting) {
            attempting.computeIfPresent(partition, (key, count) -> count > 1 ? count - 1 : null);
            attempting.notifyAll();
        }
    }

    /**
     * Waits until the attempts under way on partitions being given up are recorded, so that the instance taking
     * them over reads every outcome (its ledger copy catches up first) and sends none of them again.
     */
    private void awaitAttemptsRecorded(Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + config.delivery().timeout().plus(RECORDING_PATIENCE).toNanos();
        synchronized (attempting) {
            while (partitions.stream().anyMatch(attempting::containsKey)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Giving up outbox partitions {} with attempts still under way", partitions);
                    return;
                }
                try {
                    attempting.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Commits what is settled of partitions this instance gives up; their unsettled messages go to the next. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            awaitAttemptsRecorded(partitions);
            commitSettled(partitions);
            partitions.forEach(progress::remove);
            catchUp.forget(partitions);
        }

        /** Lost, not given up: another has them already, so nothing is committed; their jobs are let go. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("Outbox partitions {} were lost (this instance was out of the group); another delivers them",
                    partitions);
            partitions.forEach(progress::remove);
            catchUp.forget(partitions);
        }

        /** Progress is created as records arrive; nothing is read before the ledger copy has caught up. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            catchUp.hold(partitions);
        }
    }
}
