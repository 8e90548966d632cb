package dev.incidents.projection.domain;

import dev.incidents.projection.domain.CommunicationReport.ActionFigures;
import dev.incidents.projection.domain.CommunicationReport.IncidentFigures;
import dev.incidents.projection.domain.CommunicationReport.SeverityFigures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommunicationReportTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void figures_per_severity_over_the_incidents_declared_in_the_period() {
        List<IncidentFigures> incidents = List.of(
                incident(Severity.SEV1, day(1), 60, 300, 3, 1, List.of(120L), false, day(6), day(5)),
                incident(Severity.SEV1, day(2), 120, 600, 1, 1, List.of(600L), true, day(7), day(8)),
                incident(Severity.SEV1, day(3), 30, 900, 2, 0, List.of(), false, null, null),
                incident(Severity.SEV3, day(4), 10, 60, 1, 0, List.of(), false, null, null),
                incident(Severity.SEV1, FROM.minusSeconds(1), 1, 1, 9, 9, List.of(9999L), true, null, null));

        List<SeverityFigures> report = CommunicationReport.of(incidents, FROM, TO);

        assertThat(report).extracting(SeverityFigures::severity).containsExactly(Severity.SEV1, Severity.SEV3);
        SeverityFigures sev1 = report.get(0);
        assertThat(sev1.incidents()).isEqualTo(3);
        assertThat(sev1.detectionToDeclarationMedian()).isEqualTo(60);
        assertThat(sev1.detectionToDeclarationP90()).isEqualTo(120);
        assertThat(sev1.declarationToFirstPublicUpdateMedian()).isEqualTo(600);
        assertThat(sev1.declarationToFirstPublicUpdateP90()).isEqualTo(900);
        assertThat(sev1.promisesKeptShare()).isEqualTo(6.0 / 8);
        assertThat(sev1.lateUpdateLatenessP90()).isEqualTo(600);
        assertThat(sev1.customerReportedFirst()).isEqualTo(1);
        assertThat(sev1.rcasDue()).isEqualTo(2);
        assertThat(sev1.rcasOnTime()).isEqualTo(1);
    }

    @Test
    void corrective_actions_count_as_due_once_completed_or_past_their_date_and_on_time_when_completed_by_it() {
        IncidentFigures incident = new IncidentFigures(Severity.SEV2, day(1), day(1), day(1), 1, 0, List.of(), false,
                day(6), day(5), List.of(
                        new ActionFigures(CorrectiveActionView.State.COMPLETED, day(10), true),
                        new ActionFigures(CorrectiveActionView.State.COMPLETED, day(10), false),
                        new ActionFigures(CorrectiveActionView.State.COMPLETED, TO.plus(Duration.ofDays(9)), true),
                        new ActionFigures(CorrectiveActionView.State.OPEN, day(20), null),
                        new ActionFigures(CorrectiveActionView.State.OPEN, TO.plus(Duration.ofDays(3)), null),
                        new ActionFigures(CorrectiveActionView.State.DECLINED, day(12), null)));

        SeverityFigures sev2 = CommunicationReport.of(List.of(incident), FROM, TO).get(0);

        assertThat(sev2.correctiveActionsDue()).as("three completed, one open past its date").isEqualTo(4);
        assertThat(sev2.correctiveActionsOnTime()).isEqualTo(2);
        assertThat(sev2.correctiveActionsDeclined()).isEqualTo(1);
    }

    @Test
    void nothing_to_measure_reads_as_null_not_zero() {
        SeverityFigures sev4 = CommunicationReport.of(List.of(
                new IncidentFigures(Severity.SEV4, day(1), day(1), null, 0, 0, List.of(), false, null, null,
                        List.of())),
                FROM, TO).get(0);
        assertThat(sev4.declarationToFirstPublicUpdateMedian()).isNull();
        assertThat(sev4.promisesKeptShare()).isNull();
        assertThat(sev4.lateUpdateLatenessP90()).isNull();
    }

    @Test
    void nearest_rank_percentiles() {
        assertThat(CommunicationReport.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9);
        assertThat(CommunicationReport.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
        assertThat(CommunicationReport.percentile(List.of(7L), 90)).isEqualTo(7);
    }

    private static IncidentFigures incident(Severity severity, Instant declared, long detectionToDeclaration,
                                            long toFirstUpdate, int kept, int missed, List<Long> lateness,
                                            boolean customerFirst, Instant rcaDue, Instant rcaPublished) {
        return new IncidentFigures(severity, declared, declared.minusSeconds(detectionToDeclaration),
                declared.plusSeconds(toFirstUpdate), kept, missed, lateness, customerFirst, rcaDue, rcaPublished,
                List.of());
    }

    private static Instant day(int day) {
        return FROM.plus(Duration.ofDays(day));
    }
}
