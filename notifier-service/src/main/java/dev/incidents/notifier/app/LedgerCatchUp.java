package dev.incidents.notifier.app;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Outbox partitions this instance has just been given wait until its copy of the ledger has read all that the
 * ledger held once they came: the instance that had them may have delivered messages and recorded it just before
 * it let them go (or was cut off), and sending those again would repeat a webhook its receiver had acknowledged.
 */
final class LedgerCatchUp {

    private final Set<TopicPartition> waiting = new HashSet<>();
    /** The ledger's end offsets to read up to; null until fetched after the latest partitions came. */
    private Map<TopicPartition, Long> target;

    void hold(Collection<TopicPartition> assigned) {
        waiting.addAll(assigned);
        target = null;
    }

    void forget(Collection<TopicPartition> revoked) {
        waiting.removeAll(revoked);
    }

    boolean isWaiting(TopicPartition partition) {
        return waiting.contains(partition);
    }

    /**
     * The partitions free to be read from now on: all those waiting, once the ledger copy has read up to the
     * ledger's end as fetched after the last of them came; none before.
     *
     * @param ledgerEnd the ledger topic's end offsets now (may throw if Kafka does not answer: asked again next time)
     * @param read      whether this instance's copy has read up to the given offsets
     */
    Set<TopicPartition> release(Supplier<Map<TopicPartition, Long>> ledgerEnd,
                                Predicate<Map<TopicPartition, Long>> read) {
        if (waiting.isEmpty()) {
            return Set.of();
        }
        if (target == null) {
            target = Map.copyOf(ledgerEnd.get());
        }
        if (!read.test(target)) {
            return Set.of();
        }
        Set<TopicPartition> released = Set.copyOf(waiting);
        waiting.clear();
        target = null;
        return released;
    }
}
