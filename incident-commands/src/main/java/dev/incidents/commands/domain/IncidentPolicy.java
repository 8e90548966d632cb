package dev.incidents.commands.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often the public must hear from us (the update cadence) and how long an RCA may take, per severity, and the
 * earliest time a command may name (an older one is a typo or garbage, and would skew every report). The defaults
 * follow the product's promise: a full outage (SEV1) gets a public update every 15 minutes. {@code maxComponents}
 * bounds the components an incident names, so every store and message that lists them stays small.
 */
public record IncidentPolicy(Map<Severity, Duration> cadence, Map<Severity, Duration> rcaWindow,
                             Instant earliestTime, int maxComponents) {

    public static final Instant DEFAULT_EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");
    public static final int DEFAULT_MAX_COMPONENTS = 50;

    public IncidentPolicy {
        cadence = complete(cadence, "cadence");
        rcaWindow = complete(rcaWindow, "rcaWindow");
        Objects.requireNonNull(earliestTime, "earliestTime");
        if (maxComponents < 1 || maxComponents > 1000) {
            throw new IllegalArgumentException("maxComponents must be between 1 and 1000");
        }
    }

    public static IncidentPolicy defaults() {
        return new IncidentPolicy(
                Map.of(Severity.SEV1, Duration.ofMinutes(15), Severity.SEV2, Duration.ofMinutes(30),
                        Severity.SEV3, Duration.ofMinutes(60), Severity.SEV4, Duration.ofMinutes(120)),
                Map.of(Severity.SEV1, Duration.ofDays(5), Severity.SEV2, Duration.ofDays(5),
                        Severity.SEV3, Duration.ofDays(10), Severity.SEV4, Duration.ofDays(10)),
                DEFAULT_EARLIEST_TIME, DEFAULT_MAX_COMPONENTS);
    }

    public Duration cadenceOf(Severity severity) {
        return cadence.get(severity);
    }

    public Duration rcaWindowOf(Severity severity) {
        return rcaWindow.get(severity);
    }

    public Duration longestCadence() {
        return cadence.values().stream().max(Duration::compareTo).orElseThrow();
    }

    public Duration longestRcaWindow() {
        return rcaWindow.values().stream().max(Duration::compareTo).orElseThrow();
    }

    private static Map<Severity, Duration> complete(Map<Severity, Duration> bySeverity, String name) {
        Objects.requireNonNull(bySeverity, name);
        EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Duration duration = bySeverity.get(severity);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " for " + severity + " must be a positive duration");
            }
            copy.put(severity, duration);
        }
        return Map.copyOf(copy);
    }
}
