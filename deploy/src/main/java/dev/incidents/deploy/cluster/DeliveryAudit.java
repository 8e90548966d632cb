package dev.incidents.deploy.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds what the receiver got against what the notifier wrote to {@code notifier-outbox}: every message delivered
 * (or, had retries run out, kept on {@code notifier-failed}), and none delivered again after the receiver
 * acknowledged it. One exception is granted, the one the README states: a message the receiver acknowledged just as
 * its sender died or was cut off, before the ledger recorded it, goes again with the same id for the receiver to
 * drop. Such repeats are counted apart, and only when the first delivery came within a few seconds before a fault.
 */
final class DeliveryAudit {

    /** When a fault struck (epoch ms): a crash, or the start of a network cut. */
    record Fault(String name, long at) {
        /** Acknowledgments this long before a fault may not have been recorded by their sender yet. */
        static final long UNRECORDED_MILLIS = 5000;
        /** The receiver's clock and the fault's are read a little apart. */
        static final long CLOCK_SLACK_MILLIS = 1000;

        boolean caughtInFlight(long acknowledgedAt) {
            return acknowledgedAt >= at - UNRECORDED_MILLIS && acknowledgedAt <= at + CLOCK_SLACK_MILLIS;
        }
    }

    private DeliveryAudit() {
    }

    static List<Check> audit(Set<String> written, Set<String> failed, Map<String, List<Long>> arrivals,
                             Set<String> refused, List<Fault> faults) {
        Set<String> missing = new HashSet<>(written);
        missing.removeAll(arrivals.keySet());
        missing.removeAll(failed);
        Set<String> strangers = new HashSet<>(arrivals.keySet());
        strangers.removeAll(written);
        List<String> repeated = arrivals.entrySet().stream().filter(arrival -> arrival.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> unexcused = repeated.stream().filter(id -> faults.stream()
                .noneMatch(fault -> fault.caughtInFlight(arrivals.get(id).get(0)))).toList();
        return List.of(
                Check.of("every webhook delivered", !written.isEmpty() && missing.isEmpty() && failed.isEmpty()
                                && strangers.isEmpty() && refused.isEmpty(),
                        written.size() + " written to the outbox, " + (written.size() - missing.size())
                                + " delivered, " + failed.size() + " failed, " + missing.size() + " missing, "
                                + strangers.size() + " never written, " + refused.size() + " badly signed"),
                Check.of("no webhook delivered again after it was acknowledged", unexcused.isEmpty(),
                        (repeated.size() - unexcused.size()) + " sent again after being acknowledged as their "
                                + "sender crashed or was cut off (the receiver drops them by webhook-id), "
                                + unexcused.size() + " otherwise" + (unexcused.isEmpty() ? ""
                                : " (arrival times of some: " + unexcused.stream().limit(5)
                                .map(id -> id + " " + arrivals.get(id)).toList() + ")")));
    }
}
