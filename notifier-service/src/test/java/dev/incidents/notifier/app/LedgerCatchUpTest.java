package dev.incidents.notifier.app;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerCatchUpTest {

    static final TopicPartition OUTBOX_0 = new TopicPartition("notifier-outbox", 0);
    static final TopicPartition OUTBOX_1 = new TopicPartition("notifier-outbox", 1);
    static final TopicPartition LEDGER_0 = new TopicPartition("notifier-deliveries", 0);

    final LedgerCatchUp catchUp = new LedgerCatchUp();

    @Test
    void given_partitions_wait_until_the_ledger_copy_has_read_what_the_ledger_held_when_they_came() {
        catchUp.hold(List.of(OUTBOX_0, OUTBOX_1));

        assertThat(catchUp.release(() -> Map.of(LEDGER_0, 40L), read -> false)).isEmpty();
        assertThat(catchUp.isWaiting(OUTBOX_0)).isTrue();
        assertThat(catchUp.release(() -> Map.of(LEDGER_0, 40L), read -> read.get(LEDGER_0) == 40L))
                .containsExactlyInAnyOrder(OUTBOX_0, OUTBOX_1);
        assertThat(catchUp.isWaiting(OUTBOX_0)).isFalse();
    }

    @Test
    void the_ledger_end_is_fetched_once_per_arrival_of_partitions() {
        AtomicInteger fetches = new AtomicInteger();
        catchUp.hold(List.of(OUTBOX_0));

        catchUp.release(() -> Map.of(LEDGER_0, (long) fetches.incrementAndGet()), read -> false);
        catchUp.release(() -> Map.of(LEDGER_0, (long) fetches.incrementAndGet()), read -> false);
        catchUp.hold(List.of(OUTBOX_1));
        catchUp.release(() -> Map.of(LEDGER_0, (long) fetches.incrementAndGet()), read -> false);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void a_failed_fetch_of_the_ledger_end_is_tried_again_next_time() {
        catchUp.hold(List.of(OUTBOX_0));

        assertThatThrownBy(() -> catchUp.release(() -> {
            throw new IllegalStateException("no broker answered");
        }, read -> true)).hasMessage("no broker answered");
        assertThat(catchUp.release(() -> Map.of(LEDGER_0, 3L), read -> true)).containsExactly(OUTBOX_0);
    }

    @Test
    void revoked_partitions_stop_waiting_and_nothing_is_released_when_nothing_waits() {
        catchUp.hold(List.of(OUTBOX_0));
        catchUp.forget(List.of(OUTBOX_0));

        assertThat(catchUp.release(() -> {
            throw new AssertionError("nothing waits: the ledger end is not asked for");
        }, read -> true)).isEmpty();
    }
}
