package dev.incidents.projection.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How an incident's impact periods change with its events; what uptime is reckoned from. */
final class ImpactHistory {

    private ImpactHistory() {
    }

    static List<ImpactPeriod> declared(Instant at, Severity severity) {
        return List.of(new ImpactPeriod(at, null, severity));
    }

    /** The lasting period ends at {@code at} and one at the new severity begins; a resolved incident keeps its past. */
    static List<ImpactPeriod> severityChanged(List<ImpactPeriod> periods, Instant at, Severity severity) {
        if (periods.isEmpty() || !periods.getLast().lasting()) {
            return periods;
        }
        return opened(ended(periods, at), at, severity);
    }

    static List<ImpactPeriod> ended(List<ImpactPeriod> periods, Instant at) {
        if (periods.isEmpty() || !periods.getLast().lasting()) {
            return periods;
        }
        List<ImpactPeriod> changed = new ArrayList<>(periods);
        ImpactPeriod last = changed.removeLast();
        changed.add(new ImpactPeriod(last.from(), at, last.severity()));
        return List.copyOf(changed);
    }

    static List<ImpactPeriod> opened(List<ImpactPeriod> periods, Instant at, Severity severity) {
        List<ImpactPeriod> changed = new ArrayList<>(periods);
        changed.add(new ImpactPeriod(at, null, severity));
        return List.copyOf(changed);
    }

    /**
     * The view's periods; a view stored before they were kept has none, and is taken as one period at its current
     * severity from its declaration to its resolution (a rebuild from the events gives the real ones).
     */
    static List<ImpactPeriod> of(IncidentView view) {
        if (!view.impact().isEmpty() || view.declaredAt() == null) {
            return view.impact();
        }
        return List.of(new ImpactPeriod(view.declaredAt(), view.resolvedAt(), view.severity()));
    }
}
