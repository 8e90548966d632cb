package dev.incidents.deploy.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAuditTest {

    static CommandLoad.Sent acknowledged(String incident, String command) {
        return new CommandLoad.Sent("update", incident, command, 1_000, 1_100, 201);
    }

    static Facts.Event event(String incident, long sequence, String command) {
        return new Facts.Event(incident, sequence, "event-" + incident + "-" + sequence, command, 1_050, null);
    }

    @Test
    void every_acknowledged_command_with_one_event_passes() {
        List<Check> checks = CommandAudit.audit(List.of(acknowledged("i1", "c1"), acknowledged("i1", "c2")),
                List.of(event("i1", 1, "c1"), event("i1", 2, "c2")));

        assertThat(checks).allMatch(Check::passed);
    }

    @Test
    void an_acknowledged_command_without_an_event_is_lost() {
        List<Check> checks = CommandAudit.audit(List.of(acknowledged("i1", "c1"), acknowledged("i1", "c2")),
                List.of(event("i1", 1, "c1")));

        assertThat(failed(checks)).containsExactly("no acknowledged command lost");
    }

    @Test
    void a_command_with_two_events_was_applied_twice() {
        List<Check> checks = CommandAudit.audit(List.of(acknowledged("i1", "c1")),
                List.of(event("i1", 1, "c1"), event("i1", 2, "c1")));

        assertThat(failed(checks)).containsExactly("no command applied twice");
    }

    @Test
    void a_gap_in_an_incidents_sequence_fails() {
        List<Check> checks = CommandAudit.audit(List.of(acknowledged("i1", "c1"), acknowledged("i1", "c3")),
                List.of(event("i1", 1, "c1"), event("i1", 3, "c3")));

        assertThat(failed(checks)).containsExactly("every incident's events numbered without gap or repeat");
    }

    @Test
    void a_command_no_instance_acknowledged_fails_and_shows_the_last_answer() {
        List<Check> checks = CommandAudit.audit(List.of(new CommandLoad.Sent("update", "i1", "", 1_000, 0, 503)),
                List.of());

        assertThat(failed(checks)).containsExactly("every command acknowledged");
        assertThat(checks.get(0).seen()).contains("{503=1}");
    }

    static List<String> failed(List<Check> checks) {
        return checks.stream().filter(check -> !check.passed()).map(Check::name).toList();
    }
}
