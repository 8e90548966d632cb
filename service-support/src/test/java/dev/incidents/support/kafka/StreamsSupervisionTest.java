package dev.incidents.support.kafka;

import dev.incidents.support.background.BackgroundConfig;
import dev.incidents.testing.MutableClock;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsSupervisionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final StreamsSupervision streams = new StreamsSupervision(clock, new BackgroundConfig() {
        @Override
        public Duration firstRestartDelay() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration longestRestartDelay() {
            return Duration.ofMillis(4);
        }

        @Override
        public Duration streamsRebalanceGrace() {
            return Duration.ofMinutes(2);
        }
    });

    @Test
    void not_ready_before_streams_run() {
        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void not_ready_during_the_first_rebalance_of_a_fresh_start_however_short() {
        streams.onChange(State.REBALANCING, State.CREATED);

        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        streams.onChange(State.RUNNING, State.REBALANCING);
        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void ready_while_running_and_during_a_rebalance_shorter_than_the_grace() {
        streams.onChange(State.REBALANCING, State.CREATED);
        streams.onChange(State.RUNNING, State.REBALANCING);
        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        streams.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(Duration.ofMinutes(2));

        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void not_ready_after_rebalancing_longer_than_the_grace() {
        streams.onChange(State.RUNNING, State.REBALANCING);
        streams.onChange(State.REBALANCING, State.RUNNING);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        HealthCheckResponse response = streams.readiness();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data ->
                assertThat(data.get("state")).isEqualTo("REBALANCING for 121 s"));
    }

    @Test
    void not_ready_once_streams_stopped_with_an_error() {
        streams.onChange(State.RUNNING, State.REBALANCING);
        streams.onChange(State.PENDING_ERROR, State.RUNNING);
        streams.onChange(State.ERROR, State.PENDING_ERROR);

        assertThat(streams.readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void a_failed_stream_thread_is_replaced_and_its_error_reported() {
        streams.onChange(State.RUNNING, State.REBALANCING);

        StreamThreadExceptionResponse response = streams.handle(new IllegalStateException("injected"));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(streams.readiness().getData()).hasValueSatisfying(data ->
                assertThat(data.get("last thread failure").toString()).contains("injected"));
    }
}
