package dev.incidents.commands.intake;

import dev.incidents.commands.domain.AlertSignal;
import dev.incidents.commands.domain.CommandLimits;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.Severity;
import dev.incidents.support.http.InvalidField;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns an Alertmanager or Grafana notification into the report of one alert group: a declare under the group's
 * dedup key ({@code alertmanager:<groupKey>}, {@code grafana:<orgId>:<groupKey>}) carrying every alert's state, so
 * the first notification with a firing alert declares the incident and the later ones (resends included) tell it
 * what changed. Title and summary come from the common annotations ({@code summary}, {@code description}), the
 * severity from the firing alerts' {@code severity} labels (the highest), components from the configured labels.
 */
public final class AlertGroupReports {

    /** The monitors speaking this format, each with the prefix of its groups' dedup keys. */
    public enum Monitor {
        ALERTMANAGER("Alertmanager"), GRAFANA("Grafana");

        private final String displayName;

        Monitor(String displayName) {
            this.displayName = displayName;
        }
    }

    /** Prometheus' label of the scraped target: what tells alerts of one name apart when no component does. */
    static final String INSTANCE_LABEL = "instance";

    private AlertGroupReports() {
    }

    public static DeclareIncident report(Monitor monitor, AlertGroupNotification notification, IntakeRules rules,
                                         Instant now) {
        check(monitor, notification);
        List<AlertGroupNotification.Alert> alerts = notification.alerts().stream()
                .sorted(Comparator.comparing(alert -> !firing(alert)))
                .limit(CommandLimits.ALERTS_MAX).toList();
        List<AlertGroupNotification.Alert> firing = alerts.stream().filter(AlertGroupReports::firing).toList();
        return new DeclareIncident(title(notification), severity(firing.isEmpty() ? alerts : firing, rules),
                summary(notification, alerts), components(alerts, rules), null,
                rules.detectedAt(firing.stream().map(alert -> time("alerts.startsAt", alert.startsAt()))
                        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null), now),
                dedupKey(monitor, notification), monitor.displayName,
                alerts.stream().map(alert -> signal(alert, rules)).toList());
    }

    private static void check(Monitor monitor, AlertGroupNotification notification) {
        if (monitor == Monitor.ALERTMANAGER && !"4".equals(notification.version())) {
            throw new InvalidField("version", "Only version \"4\" of Alertmanager's webhook payload is understood.");
        }
        if (notification.groupKey() == null || notification.groupKey().isBlank()) {
            throw new InvalidField("groupKey", "groupKey (the alert group's identity) is required.");
        }
        if (notification.alerts().isEmpty()) {
            throw new InvalidField("alerts", "A notification carries at least one alert.");
        }
        for (AlertGroupNotification.Alert alert : notification.alerts()) {
            if (alert == null || !("firing".equals(alert.status()) || "resolved".equals(alert.status()))) {
                throw new InvalidField("alerts.status", "Each alert's status is \"firing\" or \"resolved\".");
            }
        }
    }

    private static String dedupKey(Monitor monitor, AlertGroupNotification notification) {
        String prefix = monitor == Monitor.GRAFANA
                ? "grafana:" + (notification.orgId() == null ? 1 : notification.orgId()) + ":"
                : "alertmanager:";
        return IntakeText.key(prefix, notification.groupKey(), CommandLimits.DEDUP_KEY_MAX);
    }

    private static String title(AlertGroupNotification notification) {
        return IntakeText.first(CommandLimits.TITLE_MAX, notification.commonAnnotations().get("summary"),
                notification.commonLabels().get("alertname"), notification.groupLabels().get("alertname"),
                notification.title(), "Alerts of " + notification.receiver());
    }

    private static String summary(AlertGroupNotification notification, List<AlertGroupNotification.Alert> alerts) {
        return IntakeText.first(CommandLimits.SUMMARY_MAX, notification.commonAnnotations().get("description"),
                notification.commonAnnotations().get("summary"), notification.message(),
                alerts.size() + " alerts: " + alerts.stream().map(AlertGroupReports::alertName).distinct()
                        .collect(Collectors.joining(", ")));
    }

    private static Severity severity(List<AlertGroupNotification.Alert> alerts, IntakeRules rules) {
        return alerts.stream().map(alert -> rules.severityOf(alert.labels().get("severity")))
                .min(Comparator.naturalOrder()).orElse(rules.defaultSeverity());
    }

    private static List<String> components(List<AlertGroupNotification.Alert> alerts, IntakeRules rules) {
        Set<String> components = new LinkedHashSet<>();
        for (AlertGroupNotification.Alert alert : alerts) {
            firstLabel(alert, rules.componentLabels().stream())
                    .map(value -> IntakeText.fit(value, CommandLimits.NAME_MAX)).ifPresent(components::add);
        }
        return components.stream().limit(rules.maxComponents()).toList();
    }

    /** Named by its alertname and what tells it from the group's others: its component, else its instance. */
    private static AlertSignal signal(AlertGroupNotification.Alert alert, IntakeRules rules) {
        String where = firstLabel(alert, Stream.concat(rules.componentLabels().stream(), Stream.of(INSTANCE_LABEL)))
                .orElse(null);
        String name = where == null ? alertName(alert) : alertName(alert) + " (" + where + ")";
        return new AlertSignal(key(alert), IntakeText.fit(name, CommandLimits.NAME_MAX),
                firing(alert) ? AlertSignal.State.FIRING : AlertSignal.State.RESOLVED);
    }

    /** The value of the first of {@code labels} the alert has. */
    private static Optional<String> firstLabel(AlertGroupNotification.Alert alert, Stream<String> labels) {
        return labels.map(alert.labels()::get).filter(Objects::nonNull).findFirst();
    }

    /** Alertmanager's fingerprint; without one, a digest of the labels, which are the alert's identity. */
    private static String key(AlertGroupNotification.Alert alert) {
        if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
            return IntakeText.key("", alert.fingerprint().strip(), CommandLimits.DEDUP_KEY_MAX);
        }
        return "labels:" + IntakeText.sha256(new TreeMap<>(alert.labels()).toString());
    }

    private static String alertName(AlertGroupNotification.Alert alert) {
        String name = alert.labels().get("alertname");
        return name == null || name.isBlank() ? "alert" : name.strip();
    }

    private static boolean firing(AlertGroupNotification.Alert alert) {
        return "firing".equals(alert.status());
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, field + " must be an RFC 3339 time such as 2026-11-23T10:15:00Z.");
        }
    }
}
