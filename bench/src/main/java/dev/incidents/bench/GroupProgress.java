package dev.incidents.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far a consumer group (a Kafka Streams application's) has committed on a topic: a catch-up is timed until its
 * committed offsets reach the ends the topic had when it began.
 */
final class GroupProgress {

    private GroupProgress() {
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /**
     * Until the group's committed offsets reach {@code ends}.
     *
     * @param failed whether the application has failed, which ends the wait at once
     */
    static void awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> ends, Duration timeout,
                               BooleanSupplier failed) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!committed(admin, groupId, ends)) {
            if (System.nanoTime() > deadline || failed.getAsBoolean()) {
                throw new IllegalStateException(groupId + " did not catch up");
            }
            Thread.sleep(100);
        }
    }

    private static boolean committed(Admin admin, String groupId, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue());
    }
}
