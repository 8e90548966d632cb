package dev.incidents.projection.http;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a slow live-stream client gets while changes come faster than it reads them. */
class LiveFeedTest {

    final BroadcastProcessor<LiveFeed.LiveChange> changes = BroadcastProcessor.create();

    @Test
    void a_client_behind_by_a_burst_gets_every_change_of_it_in_order() {
        AssertSubscriber<LiveFeed.LiveChange> slow = LiveFeed.perConnection(changes, 10)
                .subscribe().withSubscriber(AssertSubscriber.create(0));

        IntStream.range(0, 10).forEach(n -> changes.onNext(change(n)));
        slow.request(10);

        assertThat(slow.getItems()).extracting(LiveFeed.LiveChange::id)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(slow.hasCompleted()).isFalse();
    }

    @Test
    void a_client_further_behind_than_its_buffer_has_its_stream_ended_not_silently_stopped() {
        AssertSubscriber<LiveFeed.LiveChange> slow = LiveFeed.perConnection(changes, 10)
                .subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<LiveFeed.LiveChange> quick = LiveFeed.perConnection(changes, 10)
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        IntStream.range(0, 11).forEach(n -> changes.onNext(change(n)));

        slow.awaitCompletion();
        assertThat(slow.getFailure()).as("ended, so that the client reconnects and reads the board").isNull();
        assertThat(quick.getItems()).hasSize(11);
        assertThat(quick.hasCompleted()).as("other clients go on").isFalse();
        changes.onNext(change(11));
        assertThat(quick.getItems()).hasSize(12);
    }

    private static LiveFeed.LiveChange change(int n) {
        return new LiveFeed.LiveChange("state", Integer.toString(n), "{}");
    }
}
