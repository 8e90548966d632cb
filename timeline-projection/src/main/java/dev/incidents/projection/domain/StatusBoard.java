package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public status at one moment: each component's condition from the open incidents and the maintenance under way
 * that affect it, the open incidents (worst first, then newest), the incidents resolved within the history window,
 * newest first, and the public maintenance windows (upcoming and under way by start; ended within the history
 * window after them, newest first).
 */
public record StatusBoard(Instant at, List<ComponentState> components, List<PublicIncident> open,
                          List<PublicIncident> history, List<PublicMaintenance> maintenances) {

    /** Public page conventions: 90 days of resolved incidents. */
    public static final Duration HISTORY = Duration.ofDays(90);

    /** How a component is doing, worst last: an incident's condition outweighs maintenance. */
    public enum Condition { OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE }

    /**
     * @param group the catalog group it is listed under; null: none
     * @param since when the condition began: the declaration of the incident or the start of the maintenance that
     *              sets it, else null
     */
    public record ComponentState(String id, String name, String group, Condition condition, Instant since) {

        ComponentState worsenedBy(PublicIncident incident) {
            ComponentState candidate = new ComponentState(id, name, group, StatusBoard.condition(incident.severity()),
                    incident.declaredAt());
            return worse(this, candidate);
        }

        ComponentState underMaintenance(PublicMaintenance maintenance) {
            return worse(this, new ComponentState(id, name, group, Condition.UNDER_MAINTENANCE,
                    maintenance.startedAt()));
        }
    }

    /**
     * @param listed   the components always shown, in this order (the catalog's public ones)
     * @param unlisted components never shown, not even in the incidents naming them (the catalog's private and
     *                 retired ones); a component in neither list is shown under its id once an incident names it,
     *                 after the listed ones
     */
    public static StatusBoard of(List<ListedComponent> listed, Set<String> unlisted, List<PublicIncident> incidents,
                                 List<PublicMaintenance> maintenances, Instant now) {
        Instant historyStart = now.minus(HISTORY);
        List<PublicIncident> shown = incidents.stream().map(incident -> incident.hiding(unlisted)).toList();
        List<PublicIncident> open = shown.stream().filter(PublicIncident::open)
                .sorted(Comparator.comparing(PublicIncident::severity)
                        .thenComparing(Comparator.comparing(PublicIncident::declaredAt).reversed())).toList();
        List<PublicIncident> history = shown.stream()
                .filter(incident -> !incident.open() && incident.resolvedAt().isAfter(historyStart))
                .sorted(Comparator.comparing(PublicIncident::resolvedAt).reversed()).toList();
        Map<String, ComponentState> states = new LinkedHashMap<>();
        listed.forEach(c -> states.put(c.id(), operational(c)));
        Stream.concat(open.stream(), history.stream()).flatMap(incident -> incident.components().stream())
                .sorted()
                .forEach(id -> states.putIfAbsent(id, operational(ListedComponent.uncatalogued(id))));
        List<PublicMaintenance> windows = windows(maintenances, unlisted, historyStart);
        for (PublicMaintenance window : windows.stream().filter(PublicMaintenance::active).toList()) {
            window.components().stream().filter(states::containsKey)
                    .forEach(id -> states.computeIfPresent(id, (key, state) -> state.underMaintenance(window)));
        }
        for (PublicIncident incident : open) {
            incident.components().stream().filter(states::containsKey)
                    .forEach(id -> states.computeIfPresent(id, (key, state) -> state.worsenedBy(incident)));
        }
        return new StatusBoard(now, List.copyOf(states.values()), open, history, windows);
    }

    /** Upcoming and under way by start, then those ended within the history window, newest first. */
    private static List<PublicMaintenance> windows(List<PublicMaintenance> maintenances, Set<String> unlisted,
                                                   Instant historyStart) {
        Stream<PublicMaintenance> current = maintenances.stream().filter(m -> !m.status().isOver())
                .sorted(Comparator.comparing(PublicMaintenance::startsAt));
        Stream<PublicMaintenance> ended = maintenances.stream()
                .filter(m -> m.status().isOver() && m.endedAt().isAfter(historyStart))
                .sorted(Comparator.comparing(PublicMaintenance::endedAt).reversed());
        return Stream.concat(current, ended).map(m -> m.hiding(unlisted)).toList();
    }

    /** Windows planned and not started, soonest first. */
    public List<PublicMaintenance> upcoming() {
        return maintenances.stream().filter(PublicMaintenance::upcoming).toList();
    }

    /** Windows under way, earliest start first. */
    public List<PublicMaintenance> active() {
        return maintenances.stream().filter(PublicMaintenance::active).toList();
    }

    private static ComponentState operational(ListedComponent component) {
        return new ComponentState(component.id(), component.name(), component.group(), Condition.OPERATIONAL, null);
    }

    /** Every incident on the board: the open ones, then the history. */
    public List<PublicIncident> incidents() {
        return Stream.concat(open.stream(), history.stream()).toList();
    }

    /** The worst severity among open incidents; empty when all is well. */
    public Optional<Severity> worstOpenSeverity() {
        return open.stream().map(PublicIncident::severity).min(Comparator.naturalOrder());
    }

    static Condition condition(Severity severity) {
        return switch (severity) {
            case SEV1 -> Condition.MAJOR_OUTAGE;
            case SEV2 -> Condition.PARTIAL_OUTAGE;
            case SEV3, SEV4 -> Condition.DEGRADED_PERFORMANCE;
        };
    }

    private static ComponentState worse(ComponentState a, ComponentState b) {
        if (a.condition() != b.condition()) {
            return a.condition().compareTo(b.condition()) > 0 ? a : b;
        }
        if (a.since() == null || b.since() == null) {
            return a.since() == null ? b : a;
        }
        return a.since().isBefore(b.since()) ? a : b;
    }
}
