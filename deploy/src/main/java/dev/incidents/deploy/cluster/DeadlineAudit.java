package dev.incidents.deploy.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Holds the projection's overdue detections against the promises the events made: every promise broken (its
 * deadline passed before the next public update, or before the check) detected once, none kept detected at all.
 * A promise kept or broken by less than {@link #MARGIN_MILLIS} is left out: the events' decision time and the
 * broker's append time the projection reads differ by a little.
 */
final class DeadlineAudit {

    static final long MARGIN_MILLIS = 2000;
    private static final String OVERDUE = "UPDATE_OVERDUE";

    /** A promised deadline and when a later promise replaced it (0: never, so far). */
    record Promise(String incidentId, long dueAt, long replacedAt) {
        boolean brokenBy(long now) {
            return (replacedAt > 0 ? replacedAt : now) > dueAt + MARGIN_MILLIS;
        }

        boolean kept() {
            return replacedAt > 0 && replacedAt < dueAt - MARGIN_MILLIS;
        }
    }

    private DeadlineAudit() {
    }

    /** @param checkedAt the moment up to which every deadline due must have been detected (epoch ms) */
    static List<Check> audit(List<Facts.Event> events, List<Facts.Detection> detections, long checkedAt) {
        List<Promise> promises = promises(events);
        List<Facts.Detection> overdue = detections.stream().filter(d -> d.kind().equals(OVERDUE)).toList();
        Map<String, Long> perDeadline = overdue.stream()
                .collect(Collectors.groupingBy(d -> d.incidentId() + "@" + d.deadline(), Collectors.counting()));
        List<Promise> broken = promises.stream().filter(p -> p.brokenBy(checkedAt)).toList();
        List<Promise> missed = broken.stream().filter(p -> !perDeadline.containsKey(key(p))).toList();
        long repeated = perDeadline.values().stream().filter(count -> count > 1).count()
                + detections.size() - detections.stream().map(Facts.Detection::detectionId).distinct().count();
        List<Promise> wronglyDetected = promises.stream().filter(Promise::kept)
                .filter(p -> perDeadline.containsKey(key(p))).toList();
        long latest = overdue.stream().mapToLong(d -> d.detectedAt() - d.deadline()).max().orElse(0);
        return List.of(
                Check.of("every broken promise detected", !broken.isEmpty() && missed.isEmpty(), broken.size()
                        + " promises broken, " + (broken.size() - missed.size()) + " detected (latest "
                        + latest + " ms after its deadline)" + (missed.isEmpty() ? "" : "; missed: " + missed)),
                Check.of("every detection made once", repeated == 0, detections.size() + " detections, "
                        + repeated + " repeated"),
                Check.of("no kept promise called overdue", wronglyDetected.isEmpty(),
                        promises.stream().filter(Promise::kept).count() + " promises kept, "
                                + wronglyDetected.size() + " called overdue"
                                + (wronglyDetected.isEmpty() ? "" : ": " + wronglyDetected)));
    }

    static List<Promise> promises(List<Facts.Event> events) {
        Map<String, List<Facts.Event>> byIncident = events.stream()
                .collect(Collectors.groupingBy(Facts.Event::incidentId));
        List<Promise> promises = new ArrayList<>();
        for (List<Facts.Event> history : byIncident.values()) {
            Facts.Event promised = null;
            for (Facts.Event event : history.stream().sorted(Comparator.comparingLong(Facts.Event::sequence))
                    .filter(e -> e.nextUpdateDueAt() != null).toList()) {
                if (promised == null || !Objects.equals(promised.nextUpdateDueAt(), event.nextUpdateDueAt())) {
                    if (promised != null) {
                        promises.add(new Promise(promised.incidentId(), promised.nextUpdateDueAt(),
                                event.occurredAt()));
                    }
                    promised = event;
                }
            }
            if (promised != null) {
                promises.add(new Promise(promised.incidentId(), promised.nextUpdateDueAt(), 0));
            }
        }
        return promises;
    }

    private static String key(Promise promise) {
        return promise.incidentId() + "@" + promise.dueAt();
    }
}
