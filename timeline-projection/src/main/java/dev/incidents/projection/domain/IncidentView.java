package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Current state of one incident as dashboards read it. Everything but the overdue flags follows from the events
 * alone; {@code overdue}, {@code overdueSince}, {@code stillOverdueCount} and {@code rcaOverdue} are set when a
 * deadline passes on the wall clock, and cleared by the events that settle it (so are the corrective actions' own).
 */
public record IncidentView(String incidentId, long version, String title, Severity severity, Status status,
                           List<String> components, String commander, Instant declaredAt, Instant detectedAt,
                           Instant firstPublicUpdateAt, Instant lastPublicUpdateAt, Instant nextUpdateDueAt,
                           Duration cadence, Instant dueSoonSentFor, boolean overdue, Instant overdueSince,
                           int stillOverdueCount,
                           int promisesKept, int promisesMissed, List<Long> lateUpdateSeconds,
                           Instant resolvedAt, Instant rcaDueAt,
                           Instant rcaPublishedAt, boolean rcaOverdue, Instant firstCustomerReportAt,
                           boolean customerReportedFirst, List<CorrectiveActionView> correctiveActions,
                           List<ImpactPeriod> impact) {

    public IncidentView {
        impact = impact == null ? List.of() : List.copyOf(impact);
        components = List.copyOf(components);
        lateUpdateSeconds = lateUpdateSeconds == null ? List.of() : List.copyOf(lateUpdateSeconds);
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
    }

    public boolean open() {
        return status != Status.RESOLVED;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with-changes for a record of many fields. */
    static final class Builder {
        String incidentId;
        long version;
        String title;
        Severity severity;
        Status status;
        List<String> components;
        String commander;
        Instant declaredAt;
        Instant detectedAt;
        Instant firstPublicUpdateAt;
        Instant lastPublicUpdateAt;
        Instant nextUpdateDueAt;
        Duration cadence;
        Instant dueSoonSentFor;
        boolean overdue;
        Instant overdueSince;
        int stillOverdueCount;
        int promisesKept;
        int promisesMissed;
        List<Long> lateUpdateSeconds = List.of();
        Instant resolvedAt;
        Instant rcaDueAt;
        Instant rcaPublishedAt;
        boolean rcaOverdue;
        Instant firstCustomerReportAt;
        boolean customerReportedFirst;
        List<CorrectiveActionView> correctiveActions = List.of();
        List<ImpactPeriod> impact = List.of();

        Builder() {
        }

        Builder(IncidentView v) {
            incidentId = v.incidentId;
            version = v.version;
            title = v.title;
            severity = v.severity;
            status = v.status;
            components = v.components;
            commander = v.commander;
            declaredAt = v.declaredAt;
            detectedAt = v.detectedAt;
            firstPublicUpdateAt = v.firstPublicUpdateAt;
            lastPublicUpdateAt = v.lastPublicUpdateAt;
            nextUpdateDueAt = v.nextUpdateDueAt;
            cadence = v.cadence;
            dueSoonSentFor = v.dueSoonSentFor;
            overdue = v.overdue;
            overdueSince = v.overdueSince;
            stillOverdueCount = v.stillOverdueCount;
            promisesKept = v.promisesKept;
            promisesMissed = v.promisesMissed;
            lateUpdateSeconds = v.lateUpdateSeconds;
            resolvedAt = v.resolvedAt;
            rcaDueAt = v.rcaDueAt;
            rcaPublishedAt = v.rcaPublishedAt;
            rcaOverdue = v.rcaOverdue;
            firstCustomerReportAt = v.firstCustomerReportAt;
            customerReportedFirst = v.customerReportedFirst;
            correctiveActions = v.correctiveActions;
            impact = v.impact;
        }

        IncidentView build() {
            return new IncidentView(incidentId, version, title, severity, status, components, commander, declaredAt,
                    detectedAt, firstPublicUpdateAt, lastPublicUpdateAt, nextUpdateDueAt, cadence, dueSoonSentFor, overdue,
                    overdueSince, stillOverdueCount, promisesKept, promisesMissed, lateUpdateSeconds, resolvedAt,
                    rcaDueAt,
                    rcaPublishedAt, rcaOverdue, firstCustomerReportAt, customerReportedFirst, correctiveActions,
                    impact);
        }
    }
}
