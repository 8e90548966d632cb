package dev.incidents.deploy.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.incidents.deploy.cluster.CommandAuditTest.failed;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineAuditTest {

    static final long MINUTE = 60_000;

    /** Declared at 0 promising an update by 1 min; updated at {@code updatedAt} promising one by 2 min. */
    static List<Facts.Event> promisesOf(String incident, long updatedAt) {
        return List.of(new Facts.Event(incident, 1, "e1", "c1", 0, MINUTE),
                new Facts.Event(incident, 2, "e2", "c2", updatedAt, 2 * MINUTE));
    }

    static Facts.Detection overdue(String id, String incident, long deadline) {
        return new Facts.Detection(id, incident, "UPDATE_OVERDUE", deadline, deadline + 500);
    }

    @Test
    void a_promise_broken_and_detected_once_passes() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", 30_000),
                List.of(overdue("d1", "i1", 2 * MINUTE)), 3 * MINUTE);

        assertThat(checks).allMatch(Check::passed);
    }

    @Test
    void a_broken_promise_not_detected_fails() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", 30_000), List.of(), 3 * MINUTE);

        assertThat(failed(checks)).containsExactly("every broken promise detected");
    }

    @Test
    void an_update_that_came_late_broke_the_first_promise() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", MINUTE + 10_000),
                List.of(overdue("d2", "i1", 2 * MINUTE)), 3 * MINUTE);

        assertThat(failed(checks)).containsExactly("every broken promise detected");
        assertThat(checks.get(0).seen()).contains("2 promises broken, 1 detected");
    }

    @Test
    void a_promise_detected_twice_fails() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", 30_000),
                List.of(overdue("d1", "i1", 2 * MINUTE), overdue("d1", "i1", 2 * MINUTE)), 3 * MINUTE);

        assertThat(failed(checks)).containsExactly("every detection made once");
    }

    @Test
    void a_kept_promise_called_overdue_fails() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", 30_000),
                List.of(overdue("d0", "i1", MINUTE), overdue("d1", "i1", 2 * MINUTE)), 3 * MINUTE);

        assertThat(failed(checks)).containsExactly("no kept promise called overdue");
        assertThat(checks.get(2).seen()).as("names the promise, for the logs").contains("i1", "dueAt=60000",
                "replacedAt=30000");
    }

    @Test
    void a_promise_kept_or_broken_by_less_than_the_margin_is_left_out() {
        List<Check> checks = DeadlineAudit.audit(promisesOf("i1", MINUTE + 500),
                List.of(overdue("d0", "i1", MINUTE), overdue("d1", "i1", 2 * MINUTE)), 3 * MINUTE);

        assertThat(checks).allMatch(Check::passed);
    }
}
