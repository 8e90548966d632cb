package dev.incidents.commands.domain;

import dev.incidents.commands.domain.AlertSignal.State;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a monitor's report of its alert group tells the open incident it joins: the alerts whose state the incident
 * did not know yet, said in one INTERNAL update. A monitor resends its groups (Alertmanager every repeat_interval),
 * so a report repeating known states says nothing; and when every alert the incident knows is resolved, the update
 * says so and asks a person to resolve the incident: a machine never resolves one (rule 5: recovery is confirmed
 * by a person, with a commitment to an RCA).
 */
final class AlertReport {

    /** Names listed per state in an update; the rest are counted. */
    static final int NAMES_LISTED = 5;

    private AlertReport() {
    }

    /** The reported alerts whose state differs from what {@code known} holds, in the report's order. */
    static List<AlertSignal> changes(Map<String, State> known, List<AlertSignal> reported) {
        return reported.stream().filter(signal -> known.get(signal.key()) != signal.state()).toList();
    }

    static boolean allResolved(Map<String, State> known) {
        return !known.isEmpty() && known.values().stream().allMatch(state -> state == State.RESOLVED);
    }

    /** The INTERNAL update's text for {@code changes} from {@code source}, the incident then knowing {@code known}. */
    static String message(String source, List<AlertSignal> changes, Map<String, State> known) {
        Map<State, List<String>> names = changes.stream().collect(Collectors.groupingBy(AlertSignal::state,
                () -> new EnumMap<>(State.class), Collectors.mapping(AlertSignal::name, Collectors.toList())));
        StringBuilder text = new StringBuilder(source == null ? "Monitor" : source).append(':');
        names.forEach((state, listed) -> text.append(' ').append(heading(state, listed.size())).append(": ")
                .append(list(listed)).append('.'));
        if (allResolved(known)) {
            text.append(" All alerts are resolved. Confirm the recovery and resolve the incident with its RCA "
                    + "commitment: monitors do not resolve incidents.");
        }
        return text.toString();
    }

    private static String heading(State state, int count) {
        String alerts = count == 1 ? "1 alert" : count + " alerts";
        return switch (state) {
            case FIRING -> alerts + " firing";
            case ACKNOWLEDGED -> alerts + " acknowledged";
            case RESOLVED -> alerts + " resolved";
        };
    }

    private static String list(List<String> names) {
        String listed = String.join(", ", names.subList(0, Math.min(NAMES_LISTED, names.size())));
        return names.size() > NAMES_LISTED ? listed + " and " + (names.size() - NAMES_LISTED) + " more" : listed;
    }
}
