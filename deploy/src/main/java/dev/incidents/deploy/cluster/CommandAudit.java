package dev.incidents.deploy.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Holds the acknowledged commands against {@code incident-events}: each acknowledged command must have caused
 * exactly one event, and every incident's events must be numbered 1, 2, 3... without a gap or a repeat.
 */
final class CommandAudit {

    private CommandAudit() {
    }

    static List<Check> audit(List<CommandLoad.Sent> sent, List<Facts.Event> events) {
        List<CommandLoad.Sent> acknowledged = sent.stream().filter(CommandLoad.Sent::acknowledged).toList();
        Map<String, Long> eventsPerCommand = events.stream()
                .collect(Collectors.groupingBy(Facts.Event::causingCommandId, Collectors.counting()));
        Set<String> acknowledgedIds = acknowledged.stream().map(CommandLoad.Sent::commandId)
                .collect(Collectors.toSet());
        long lost = acknowledgedIds.stream().filter(id -> !eventsPerCommand.containsKey(id)).count();
        long twice = acknowledgedIds.stream().filter(id -> eventsPerCommand.getOrDefault(id, 0L) > 1).count();
        long notAcknowledged = sent.size() - acknowledged.size();
        List<String> broken = brokenSequences(events);
        return List.of(
                Check.of("every command acknowledged", notAcknowledged == 0, sent.size() + " sent, "
                        + acknowledged.size() + " acknowledged, " + notAcknowledged + " not acknowledged within "
                        + CommandLoad.PATIENCE.toSeconds() + " s " + statuses(sent)),
                Check.of("no acknowledged command lost", lost == 0, lost + " of " + acknowledgedIds.size()
                        + " acknowledged commands have no event in incident-events"),
                Check.of("no command applied twice", twice == 0, twice + " commands caused more than one event"),
                Check.of("every incident's events numbered without gap or repeat", broken.isEmpty(),
                        broken.isEmpty() ? events.size() + " events checked" : "broken: " + broken));
    }

    private static String statuses(List<CommandLoad.Sent> sent) {
        Map<Integer, Long> unacknowledged = sent.stream().filter(command -> !command.acknowledged())
                .collect(Collectors.groupingBy(CommandLoad.Sent::status, Collectors.counting()));
        return unacknowledged.isEmpty() ? "" : "(last answers of those: " + unacknowledged + ")";
    }

    private static List<String> brokenSequences(List<Facts.Event> events) {
        Map<String, List<Long>> sequences = events.stream().collect(Collectors.groupingBy(Facts.Event::incidentId,
                Collectors.mapping(Facts.Event::sequence, Collectors.toList())));
        return sequences.entrySet().stream()
                .filter(incident -> !incident.getValue().stream().sorted().toList()
                        .equals(LongStream.rangeClosed(1, incident.getValue().size()).boxed().toList()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The longest any command of the window waited for its acknowledgment, in ms (first try to answer). */
    static long longestWait(List<CommandLoad.Sent> sent, long from, long to) {
        return waits(sent, from, to).stream().max(Comparator.naturalOrder()).orElse(0L);
    }

    /** The wait for an acknowledgment that {@code share} (0.5: the median) of the window's commands did not pass. */
    static long waitPercentile(List<CommandLoad.Sent> sent, long from, long to, double share) {
        List<Long> waits = waits(sent, from, to).stream().sorted().toList();
        return waits.isEmpty() ? 0 : waits.get((int) Math.min(waits.size() - 1, Math.floor(share * waits.size())));
    }

    private static List<Long> waits(List<CommandLoad.Sent> sent, long from, long to) {
        return sent.stream().filter(CommandLoad.Sent::acknowledged)
                .filter(command -> command.firstTriedAt() >= from && command.firstTriedAt() < to)
                .map(CommandLoad.Sent::waitedMillis).toList();
    }
}
