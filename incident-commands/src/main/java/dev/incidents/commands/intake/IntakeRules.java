package dev.incidents.commands.intake;

import dev.incidents.commands.domain.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a monitor's alerts become an incident: the severity each value of an alert's severity label stands for (and
 * the one when it has none or another), the labels that name the affected component (first present wins), and the
 * decider's limits the reports must fit.
 */
public record IntakeRules(Map<String, Severity> severityByLabel, Severity defaultSeverity,
                          List<String> componentLabels, int maxComponents, Instant earliestTime) {

    public IntakeRules {
        severityByLabel = Map.copyOf(severityByLabel);
        componentLabels = List.copyOf(componentLabels);
    }

    /** The severity a label value such as {@code critical} stands for; case does not matter. */
    public Severity severityOf(String label) {
        return label == null ? defaultSeverity
                : severityByLabel.getOrDefault(label.trim().toLowerCase(Locale.ROOT), defaultSeverity);
    }

    /** A monitor's time as the incident's detection time: never in the future, never before the earliest time. */
    Instant detectedAt(Instant reported, Instant now) {
        if (reported == null || reported.isBefore(earliestTime)) {
            return null;
        }
        return reported.isAfter(now) ? now : reported;
    }
}
