package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the decider needs to know about one incident to judge the next command; built only by
 * {@link IncidentDecider#evolve}. {@code version} is the sequence of the last event applied; {@code alerts} the last
 * known state of each monitor alert reported to it, by key; {@code correctiveActions} every action its RCAs named, by
 * id, in the order they were named.
 */
public record Incident(String id, long version, Severity severity, IncidentStatus status,
                       Instant nextUpdateDueAt, String dedupKey, Instant rcaDueAt, boolean rcaPublished,
                       Map<String, AlertSignal.State> alerts, Map<String, TrackedAction> correctiveActions) {

    /** The most alerts an incident keeps track of; past it, resolved ones are forgotten first. */
    public static final int TRACKED_ALERTS_MAX = 1000;

    public Incident {
        alerts = alerts == null ? Map.of() : Map.copyOf(alerts);
        correctiveActions = correctiveActions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(correctiveActions));
    }

    public Incident(String id, long version, Severity severity, IncidentStatus status, Instant nextUpdateDueAt,
                    String dedupKey, Instant rcaDueAt, boolean rcaPublished) {
        this(id, version, severity, status, nextUpdateDueAt, dedupKey, rcaDueAt, rcaPublished, Map.of(), Map.of());
    }

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }

    Incident next(Severity severity, IncidentStatus status, Instant nextUpdateDueAt, Instant rcaDueAt,
                  boolean rcaPublished) {
        return new Incident(id, version + 1, severity, status, nextUpdateDueAt, dedupKey, rcaDueAt, rcaPublished,
                alerts, correctiveActions);
    }

    /** This incident knowing {@code signals} as the alerts' latest states. */
    Incident withAlerts(List<AlertSignal> signals) {
        if (signals.isEmpty()) {
            return this;
        }
        TreeMap<String, AlertSignal.State> known = new TreeMap<>(alerts);
        signals.forEach(signal -> known.put(signal.key(), signal.state()));
        known.entrySet().removeIf(entry -> known.size() > TRACKED_ALERTS_MAX
                && entry.getValue() == AlertSignal.State.RESOLVED);
        return new Incident(id, version, severity, status, nextUpdateDueAt, dedupKey, rcaDueAt, rcaPublished, known,
                correctiveActions);
    }

    /** This incident with {@code action} tracked under {@code actionId} (added after the others, or replaced). */
    Incident withAction(String actionId, TrackedAction action) {
        LinkedHashMap<String, TrackedAction> tracked = new LinkedHashMap<>(correctiveActions);
        tracked.put(actionId, action);
        return new Incident(id, version, severity, status, nextUpdateDueAt, dedupKey, rcaDueAt, rcaPublished, alerts,
                tracked);
    }
}
