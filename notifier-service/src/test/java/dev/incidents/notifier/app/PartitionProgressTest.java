package dev.incidents.notifier.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionProgressTest {

    @Test
    void the_commit_stops_at_the_first_unsettled_message_and_is_offered_only_when_it_moves() {
        PartitionProgress progress = new PartitionProgress();
        assertThat(progress.uncommitted()).as("before any record").isEqualTo(-1);

        progress.started(10);
        progress.started(11);
        progress.started(12);
        progress.settled(11);
        assertThat(progress.uncommitted()).isEqualTo(10);
        progress.committed(10);
        assertThat(progress.uncommitted()).as("nothing moved").isEqualTo(-1);

        progress.settled(10);
        assertThat(progress.uncommitted()).as("11 is settled too; 12 is not").isEqualTo(12);
        progress.committed(12);
        progress.settled(12);
        assertThat(progress.uncommitted()).as("past the last seen").isEqualTo(13);
    }
}
