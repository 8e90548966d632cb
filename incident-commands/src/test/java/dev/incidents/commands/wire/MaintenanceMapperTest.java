package dev.incidents.commands.wire;

import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceUpdated;
import dev.incidents.commands.domain.Actor;
import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.MaintenanceCommand;
import dev.incidents.commands.domain.MaintenanceEvent;
import dev.incidents.commands.domain.MaintenancePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every maintenance command survives the trip through its contract; events carry the whole plan. */
class MaintenanceMapperTest {

    static final Instant STARTS = Instant.parse("2026-12-04T12:00:00Z");
    static final Instant ENDS = Instant.parse("2026-12-04T13:00:00Z");
    static final MaintenancePlan PLAN = new MaintenancePlan("Database upgrade", "Checkout may pause",
            List.of("checkout", "payments-api"), STARTS, ENDS);
    static final Actor PIPELINE = new Actor("deploy-pipeline", Actor.Kind.SERVICE);

    static Stream<MaintenanceCommand> commands() {
        return Stream.of(
                new MaintenanceCommand.ScheduleMaintenance(PLAN, Audience.INTERNAL),
                new MaintenanceCommand.UpdateMaintenance("Longer", null, null, null, null, ENDS.plusSeconds(600)),
                new MaintenanceCommand.UpdateMaintenance(null, "New title", "New text", List.of("search"), STARTS,
                        ENDS),
                new MaintenanceCommand.StartMaintenance("Starting"),
                new MaintenanceCommand.CompleteMaintenance("Done"),
                new MaintenanceCommand.CancelMaintenance("Vendor postponed"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void a_command_round_trips_and_is_known_by_its_contract_name(MaintenanceCommand command) {
        MaintenanceEnvelope envelope = new MaintenanceEnvelope("cmd-1", "mnt-1", PIPELINE, 2L, "fp", command);

        dev.incidents.avro.MaintenanceCommand avro = MaintenanceMapper.toAvro(envelope);

        assertThat(MaintenanceMapper.toDomain(avro)).isEqualTo(envelope);
        assertThat(MaintenanceMapper.typeName(command)).isEqualTo(command.getClass().getSimpleName());
        assertThat(MaintenanceMapper.isMaintenanceType(MaintenanceMapper.typeName(command))).isTrue();
    }

    @Test
    void incident_commands_are_not_taken_for_maintenance_ones() {
        assertThat(MaintenanceMapper.isMaintenanceType("DeclareIncident")).isFalse();
        assertThat(MaintenanceMapper.isMaintenanceType("PostUpdate")).isFalse();
    }

    @Test
    void schedule_and_update_events_carry_the_whole_plan() {
        var scheduled = MaintenanceMapper.toAvro(new RecordedMaintenanceEvent("e1", "mnt-1", 1, STARTS, PIPELINE,
                "cmd-1", new MaintenanceEvent.MaintenanceScheduled(PLAN, Audience.PUBLIC)));
        var updated = MaintenanceMapper.toAvro(new RecordedMaintenanceEvent("e2", "mnt-1", 2, STARTS, PIPELINE,
                "cmd-2", new MaintenanceEvent.MaintenanceUpdated(null, PLAN)));

        assertThat((MaintenanceScheduled) scheduled.getPayload()).extracting(MaintenanceScheduled::getTitle,
                        MaintenanceScheduled::getComponents, MaintenanceScheduled::getStartsAt,
                        MaintenanceScheduled::getEndsAt)
                .containsExactly("Database upgrade", List.of("checkout", "payments-api"), STARTS, ENDS);
        assertThat((MaintenanceUpdated) updated.getPayload()).extracting(MaintenanceUpdated::getMessage,
                        MaintenanceUpdated::getDescription, MaintenanceUpdated::getEndsAt)
                .containsExactly(null, "Checkout may pause", ENDS);
        assertThat(updated.getSequence()).isEqualTo(2);
    }
}
