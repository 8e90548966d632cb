package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public status at one moment: each component's condition from the open incidents that affect it, the open
 * incidents (worst first, then newest), and the incidents resolved within the history window, newest first.
 */
public record StatusBoard(Instant at, List<ComponentState> components, List<PublicIncident> open,
                          List<PublicIncident> history) {

    /** Public page conventions: 90 days of resolved incidents. */
    public static final Duration HISTORY = Duration.ofDays(90);

    /** How a component is doing, worst last. */
    public enum Condition { OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE }

    /** @param since when the condition began: the declaration of the incident that sets it, else null */
    public record ComponentState(String name, Condition condition, Instant since) {
    }

    /**
     * @param listed the components always shown, in this order; others follow by name once an incident names them
     */
    public static StatusBoard of(List<String> listed, List<PublicIncident> incidents, Instant now) {
        Instant historyStart = now.minus(HISTORY);
        List<PublicIncident> open = incidents.stream().filter(PublicIncident::open)
                .sorted(Comparator.comparing(PublicIncident::severity)
                        .thenComparing(Comparator.comparing(PublicIncident::declaredAt).reversed())).toList();
        List<PublicIncident> history = incidents.stream()
                .filter(incident -> !incident.open() && incident.resolvedAt().isAfter(historyStart))
                .sorted(Comparator.comparing(PublicIncident::resolvedAt).reversed()).toList();
        Map<String, ComponentState> states = new LinkedHashMap<>();
        listed.forEach(name -> states.put(name, new ComponentState(name, Condition.OPERATIONAL, null)));
        Stream.concat(open.stream(), history.stream()).flatMap(incident -> incident.components().stream())
                .sorted().forEach(name -> states.putIfAbsent(name, new ComponentState(name, Condition.OPERATIONAL,
                        null)));
        for (PublicIncident incident : open) {
            for (String name : incident.components()) {
                ComponentState state = new ComponentState(name, condition(incident.severity()), incident.declaredAt());
                states.merge(name, state, StatusBoard::worse);
            }
        }
        return new StatusBoard(now, List.copyOf(states.values()), open, history);
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
