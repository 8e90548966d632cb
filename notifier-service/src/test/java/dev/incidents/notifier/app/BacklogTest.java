package dev.incidents.notifier.app;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A destination with a full queue stops its outbox partition being read, until it has drained to half. */
class BacklogTest {

    static final TopicPartition P0 = new TopicPartition("notifier-outbox", 0);
    static final TopicPartition P1 = new TopicPartition("notifier-outbox", 1);

    final Backlog backlog = new Backlog(4);

    @Test
    void a_destination_holding_the_maximum_makes_its_partition_full_and_no_other() {
        take("dead-receiver", P0, 4);
        take("healthy", P1, 3);

        assertThat(backlog.full()).containsExactly(P0);
    }

    @Test
    void a_paused_partition_is_drained_only_once_each_destination_on_it_holds_less_than_half() {
        take("dead-receiver", P0, 4);
        take("neighbour", P0, 1);

        release("dead-receiver", 2);
        assertThat(backlog.drained(Set.of(P0))).as("holding 2 of 4: not yet").isEmpty();

        release("dead-receiver", 1);
        assertThat(backlog.drained(Set.of(P0))).containsExactly(P0);
        assertThat(backlog.full()).isEmpty();
    }

    @Test
    void releasing_more_than_was_taken_never_counts_below_zero() {
        take("d", P0, 1);
        release("d", 3);

        assertThat(backlog.held("d")).isZero();
        take("d", P0, 1);
        assertThat(backlog.held("d")).isEqualTo(1);
    }

    private void take(String destination, TopicPartition partition, int messages) {
        for (int i = 0; i < messages; i++) {
            backlog.taken(destination, partition);
        }
    }

    private void release(String destination, int messages) {
        for (int i = 0; i < messages; i++) {
            backlog.released(destination);
        }
    }
}
