package dev.incidents.support.wire;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** One name for every service's dead letters, so one alert covers them: {@code incident_dead_letters_total{topic}}. */
public final class DeadLetterMeter {

    private DeadLetterMeter() {
    }

    /** @param deadLetterTopic the topic the unreadable records go to, e.g. incident-events-dlq */
    public static Counter counter(MeterRegistry registry, String deadLetterTopic) {
        return Counter.builder("incident.dead.letters").description("Records set aside on a dead-letter topic")
                .tag("topic", deadLetterTopic).register(registry);
    }
}
