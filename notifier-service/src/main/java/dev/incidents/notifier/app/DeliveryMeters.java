package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this instance's deliveries go, as dashboards read it: {@code notifier_deliveries_total{channel,status}} for
 * every attempt's outcome, {@code notifier_delivery_seconds} from the event's append to the receiver's 2xx, and two
 * gauges over the messages it holds unsettled: {@code notifier_retry_queue} (those that failed an attempt and wait
 * for the next) and {@code notifier_oldest_undelivered_seconds} (the age of the oldest).
 */
final class DeliveryMeters {

    /** A message read from the outbox and not settled yet. */
    private record Unsettled(Instant appendedAt, boolean failedOnce) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Unsettled> unsettled = new ConcurrentHashMap<>();
    private final Timer deliverySeconds;

    DeliveryMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.deliverySeconds = Timer.builder("notifier.delivery")
                .description("From the event's append to the receiver's 2xx").publishPercentileHistogram()
                .register(registry);
        Gauge.builder("notifier.retry.queue", unsettled, all -> all.values().stream()
                        .filter(Unsettled::failedOnce).count())
                .description("Messages that failed an attempt and wait for the next").register(registry);
        Gauge.builder("notifier.oldest.undelivered", this::oldestSeconds).baseUnit("seconds")
                .description("Age of the oldest message not delivered yet, from its event's append")
                .register(registry);
    }

    /** @param failedBefore whether the ledger already records a failed attempt of it */
    void taken(String messageId, Instant appendedAt, boolean failedBefore) {
        unsettled.merge(messageId, new Unsettled(appendedAt, failedBefore),
                (known, again) -> new Unsettled(known.appendedAt(), known.failedOnce() || failedBefore));
    }

    void attempted(String messageId, String channel, Delivery.Status status) {
        Counter.builder("notifier.deliveries").description("Delivery attempts and their outcomes")
                .tag("channel", channel).tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        switch (status) {
            case RETRYING -> unsettled.computeIfPresent(messageId,
                    (id, known) -> new Unsettled(known.appendedAt(), true));
            case DELIVERED -> {
                Unsettled known = unsettled.remove(messageId);
                if (known != null) {
                    deliverySeconds.record(Duration.between(known.appendedAt(), clock.instant()));
                }
            }
            default -> unsettled.remove(messageId);
        }
    }

    private double oldestSeconds() {
        Instant now = clock.instant();
        return unsettled.values().stream().map(Unsettled::appendedAt).min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now).toMillis() / 1000.0).orElse(0.0);
    }
}
