package dev.incidents.support.kafka;

import dev.incidents.support.background.BackgroundConfig;
import dev.incidents.support.background.Supervisor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Kafka Streams under the same supervision as the service's loops (Quarkus hands these to the KafkaStreams it
 * builds): a stream thread that dies of an error is replaced after a backoff that doubles per failure in a row
 * (under exactly-once its open transaction is aborted, so nothing is half-written), and readiness is DOWN while
 * Streams is not RUNNING, or has been REBALANCING (restoring state included) longer than the grace. The grace
 * covers rebalances of an instance that has run: one just started is not ready before it first runs, since until
 * then no task of it decides anything (a command sent to it would wait for the whole first rebalance).
 */
@ApplicationScoped
public class StreamsSupervision implements KafkaStreams.StateListener, StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsSupervision.class);

    private final Clock clock;
    private final Duration grace;
    private final Supervisor.Backoff backoff;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile Instant since;
    private volatile String lastFailure;
    private volatile boolean hasRun;
    private int failuresInARow;
    private Instant lastFailureAt = Instant.MIN;

    StreamsSupervision(Clock clock, BackgroundConfig config) {
        this.clock = clock;
        this.grace = config.streamsRebalanceGrace();
        this.backoff = config.backoff();
        this.since = clock.instant();
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.info("Kafka Streams is {} (was {})", newState, oldState);
        state = newState;
        since = clock.instant();
        if (newState == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        Instant now = clock.instant();
        boolean afterCalm = Duration.between(lastFailureAt, now).compareTo(backoff.longest()) > 0;
        failuresInARow = afterCalm ? 1 : failuresInARow + 1;
        lastFailureAt = now;
        lastFailure = now + ": " + failure;
        Duration wait = backoff.after(failuresInARow);
        LOG.error("A Kafka Streams thread stopped by an error; a new one starts in {}", wait, failure);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Readiness of Kafka Streams (a check of its own: a qualified bean would not reach Quarkus as a listener). */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {
        private final StreamsSupervision streams;

        Check(StreamsSupervision streams) {
            this.streams = streams;
        }

        @Override
        public HealthCheckResponse call() {
            return streams.readiness();
        }
    }

    public HealthCheckResponse readiness() {
        KafkaStreams.State now = state;
        Duration in = Duration.between(since, clock.instant());
        boolean ready = now == KafkaStreams.State.RUNNING
                || now == KafkaStreams.State.REBALANCING && hasRun && in.compareTo(grace) <= 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka Streams")
                .status(ready).withData("state", now + " for " + in.toSeconds() + " s");
        if (lastFailure != null) {
            response.withData("last thread failure", lastFailure);
        }
        return response.build();
    }
}
