package dev.incidents.support.wire;

import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows topics on every partition without a consumer group, committed records only, on a thread of its own: for
 * an instance that needs every record (answers to its requests, changes for its live clients), not a share of them;
 * its loop runs under the service's {@link Supervisor}, which starts it again after a failure, at the record after
 * the last one taken. A record the handler cannot take is logged and skipped; the follower goes on.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    /** Where to begin: all that the topics still hold, only what comes from now on, or the newest few. */
    public sealed interface Start {
        Start BEGINNING = new Beginning();
        Start END = new End();

        /** About the newest {@code count} records in all, an even share of each partition, then what comes. */
        static Start recent(long count) {
            return new Recent(count);
        }

        record Beginning() implements Start {
        }

        record End() implements Start {
        }

        record Recent(long count) implements Start {
        }
    }

    private final KafkaClients clients;
    private final String clientId;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Consumer<Map<TopicPartition, Long>> progress;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, Long> endAtStart;
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean caughtUp;
    private final Supervisor.Handle loop;

    public TopicFollower(KafkaClients clients, Supervisor supervisor, String clientId, List<String> topics,
                         Start start, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this(clients, supervisor, clientId, topics, start, handler, positions -> { });
    }

    /**
     * @param progress after each poll and its records are handled: the position reached on every partition (the
     *                 offset of the next record to read), so a caller can wait until the follower has read a record
     */
    public TopicFollower(KafkaClients clients, Supervisor supervisor, String clientId, List<String> topics,
                         Start start, Consumer<ConsumerRecord<String, byte[]>> handler,
                         Consumer<Map<TopicPartition, Long>> progress) {
        this.clients = clients;
        this.clientId = clientId;
        this.handler = handler;
        this.progress = progress;
        KafkaConsumer<String, byte[]> first = open();
        for (String topic : topics) {
            first.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        first.assign(partitions);
        this.endAtStart = Map.copyOf(first.endOffsets(partitions));
        switch (start) {
            case Start.End end -> partitions.forEach(partition -> first.seek(partition,
                    endAtStart.get(partition)));
            case Start.Beginning beginning -> first.seekToBeginning(partitions);
            case Start.Recent recent -> {
                long share = (recent.count() + partitions.size() - 1) / Math.max(1, partitions.size());
                Map<TopicPartition, Long> beginnings = first.beginningOffsets(partitions);
                partitions.forEach(partition -> first.seek(partition, Math.max(beginnings.get(partition),
                        endAtStart.get(partition) - share)));
            }
        }
        partitions.forEach(partition -> resumeAt.put(partition, first.position(partition)));
        this.consumer = first;
        this.loop = supervisor.start(clientId, this::poll, this::wake);
    }

    private KafkaConsumer<String, byte[]> open() {
        return clients.consumer(clientId, Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** After a failure: a new consumer at the position after the last record taken (the start's, if none was). */
    private KafkaConsumer<String, byte[]> reopen() {
        KafkaConsumer<String, byte[]> again = open();
        again.assign(partitions);
        resumeAt.forEach(again::seek);
        return again;
    }

    private void wake() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void poll(BooleanSupplier running) {
        KafkaConsumer<String, byte[]> reading = consumer != null ? consumer : reopen();
        consumer = reading;
        try {
            while (running.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> record : reading.poll(Duration.ofMillis(500))) {
                    take(record);
                    resumeAt.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                Map<TopicPartition, Long> positions = new HashMap<>();
                partitions.forEach(partition -> positions.put(partition, reading.position(partition)));
                resumeAt.putAll(positions);
                caughtUp = caughtUp || partitions.stream()
                        .allMatch(partition -> positions.get(partition) >= endAtStart.get(partition));
                progress.accept(positions);
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        } finally {
            consumer = null;
            reading.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            LOG.warn("Skipping a record {}/{}@{} that could not be taken", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    /** Whether this follower has read everything its topics held when it started (and stays so once it has). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }
}
