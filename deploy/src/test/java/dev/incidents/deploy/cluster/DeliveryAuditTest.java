package dev.incidents.deploy.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.incidents.deploy.cluster.CommandAuditTest.failed;
import static org.assertj.core.api.Assertions.assertThat;

class DeliveryAuditTest {

    static final List<DeliveryAudit.Fault> CRASH_AT_100S = List.of(new DeliveryAudit.Fault("crash", 100_000));

    @Test
    void every_message_arriving_once_passes() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1", "m2"), Set.of(),
                Map.of("m1", List.of(1_000L), "m2", List.of(2_000L)), Set.of(), CRASH_AT_100S);

        assertThat(checks).allMatch(Check::passed);
    }

    @Test
    void a_message_never_arriving_fails() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1", "m2"), Set.of(), Map.of("m1", List.of(1_000L)),
                Set.of(), CRASH_AT_100S);

        assertThat(failed(checks)).containsExactly("every webhook delivered");
        assertThat(checks.get(0).seen()).contains("1 missing");
    }

    @Test
    void a_message_arriving_again_long_after_its_acknowledgment_fails() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1"), Set.of(), Map.of("m1", List.of(1_000L, 30_000L)),
                Set.of(), CRASH_AT_100S);

        assertThat(failed(checks)).containsExactly("no webhook delivered again after it was acknowledged");
    }

    @Test
    void a_message_acknowledged_just_before_its_sender_crashed_may_come_again_and_is_counted() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1"), Set.of(),
                Map.of("m1", List.of(99_000L, 110_000L)), Set.of(), CRASH_AT_100S);

        assertThat(checks).allMatch(Check::passed);
        assertThat(checks.get(1).seen()).startsWith("1 sent again after being acknowledged");
    }

    @Test
    void a_message_first_acknowledged_well_after_a_fault_and_sent_again_fails() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1"), Set.of(),
                Map.of("m1", List.of(110_000L, 140_000L)), Set.of(), CRASH_AT_100S);

        assertThat(failed(checks)).containsExactly("no webhook delivered again after it was acknowledged");
        assertThat(checks.get(1).seen()).contains("m1 [110000, 140000]");
    }

    @Test
    void a_badly_signed_request_fails() {
        List<Check> checks = DeliveryAudit.audit(Set.of("m1"), Set.of(), Map.of("m1", List.of(1_000L)),
                Set.of("m9"), CRASH_AT_100S);

        assertThat(failed(checks)).containsExactly("every webhook delivered");
    }
}
