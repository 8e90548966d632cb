package dev.incidents.projection.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How early "due soon" warns (never more than a third of the cadence) and how often a broken promise is escalated
 * again while it stays broken (by default a third of the cadence); and the same two for corrective actions, whose
 * due dates are days apart rather than minutes.
 */
public record DetectionPolicy(Duration dueSoonLead, Duration stillOverdueInterval, Duration actionDueSoonLead,
                              Duration actionOverdueRepeat) {

    public DetectionPolicy {
        Objects.requireNonNull(dueSoonLead, "dueSoonLead");
        Objects.requireNonNull(actionDueSoonLead, "actionDueSoonLead");
        Objects.requireNonNull(actionOverdueRepeat, "actionOverdueRepeat");
        if (actionOverdueRepeat.isNegative() || actionOverdueRepeat.isZero()) {
            throw new IllegalArgumentException("actionOverdueRepeat must be a positive duration");
        }
    }

    public static DetectionPolicy defaults() {
        return new DetectionPolicy(Duration.ofMinutes(5), null, Duration.ofDays(1), Duration.ofDays(1));
    }

    Duration leadFor(Duration cadence) {
        Duration third = thirdOf(cadence);
        return dueSoonLead.compareTo(third) < 0 ? dueSoonLead : third;
    }

    Duration stillOverdueFor(Duration cadence) {
        return stillOverdueInterval != null ? stillOverdueInterval : thirdOf(cadence);
    }

    /** As {@code cadence.dividedBy(3)}, which goes through BigDecimal: it ran on every projected update. */
    private static Duration thirdOf(Duration cadence) {
        return Duration.ofNanos(cadence.toNanos() / 3);
    }
}
