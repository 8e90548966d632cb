package dev.incidents.commands.kafka;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.CancelMaintenance;
import dev.incidents.avro.CommandOutcome;
import dev.incidents.avro.CommandResult;
import dev.incidents.avro.MaintenanceCancelled;
import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.RejectionReason;
import dev.incidents.avro.ScheduleMaintenance;
import dev.incidents.avro.StartMaintenance;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.ContractDecoder;
import dev.incidents.testing.MutableClock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The maintenance sub-topology of the command service: commands to events and results, one writer per window. */
class MaintenanceTopologyTest {

    static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    static final Actor ALICE = new Actor("alice", ActorKind.PERSON);

    final MutableClock clock = new MutableClock(START);
    final AvroSerdes avro = AvroSerdes.WITHOUT_REGISTRY;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, MaintenanceEvent> events;
    TestOutputTopic<String, CommandResult> results;
    TestOutputTopic<String, byte[]> deadLetters;
    int commandCounter;

    @BeforeEach
    void startDriver() {
        driver = DeciderTopologyTest.driver(clock, avro);
        commands = driver.createInputTopic(IncidentTopic.MAINTENANCE_COMMANDS.topicName(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        events = driver.createOutputTopic(IncidentTopic.MAINTENANCE_EVENTS.topicName(),
                Serdes.String().deserializer(), avro.forValue(IncidentTopic.MAINTENANCE_EVENTS).deserializer());
        results = driver.createOutputTopic(IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(),
                Serdes.String().deserializer(), avro.forValue(IncidentTopic.INCIDENT_COMMAND_RESULTS).deserializer());
        deadLetters = driver.createOutputTopic(IncidentTopic.MAINTENANCE_COMMANDS_DLQ.topicName(),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void a_schedule_becomes_the_window_s_first_event_and_an_accepted_result() {
        MaintenanceCommand schedule = schedule("mnt-1");
        send(schedule);

        TestRecord<String, MaintenanceEvent> event = events.readRecord();
        assertThat(event.key()).isEqualTo("mnt-1");
        assertThat(event.value().getSequence()).isEqualTo(1);
        assertThat(event.value().getOccurredAt()).isEqualTo(START);
        assertThat(event.value().getCausingCommandId()).isEqualTo(schedule.getCommandId());
        MaintenanceScheduled scheduled = (MaintenanceScheduled) event.value().getPayload();
        assertThat(scheduled.getComponents()).containsExactly("checkout");
        assertThat(scheduled.getAudience()).isEqualTo(Audience.PUBLIC);
        assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("dev.incidents.maintenance.scheduled.v1");

        CommandResult result = results.readValue();
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(result.getIncidentId()).isEqualTo("mnt-1");
        assertThat(result.getCommandType()).isEqualTo("ScheduleMaintenance");
        assertThat(result.getVersion()).isEqualTo(1);
        assertThat(result.getEventIds()).containsExactly(event.value().getEventId());
    }

    @Test
    void a_window_starts_then_refuses_a_cancel_and_keeps_its_sequence() {
        send(schedule("mnt-1"));
        clock.advance(Duration.ofHours(2));
        send(command("mnt-1", new StartMaintenance("Starting")));
        send(command("mnt-1", new CancelMaintenance("Too late")));

        assertThat(events.readValuesToList()).extracting(MaintenanceEvent::getSequence,
                        e -> e.getPayload().getClass())
                .containsExactly(tuple(1L, MaintenanceScheduled.class),
                        tuple(2L, MaintenanceStarted.class));
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).extracting(CommandResult::getOutcome)
                .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED, CommandOutcome.REJECTED);
        assertThat(answers.get(2).getRejection().getReason()).isEqualTo(RejectionReason.CONFLICT);
    }

    @Test
    void a_retried_command_gets_the_first_answer_and_writes_nothing_twice() {
        send(schedule("mnt-1"));
        MaintenanceCommand cancel = command("mnt-1", new CancelMaintenance("Postponed"));
        send(cancel);
        send(cancel);

        assertThat(events.readValuesToList()).extracting(e -> (Object) e.getPayload().getClass())
                .containsExactly(MaintenanceScheduled.class, MaintenanceCancelled.class);
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers.get(2)).isEqualTo(answers.get(1));

        MaintenanceCommand reused = MaintenanceCommand.newBuilder(cancel).setRequestFingerprint("other").build();
        send(reused);
        assertThat(results.readValue().getRejection().getReason())
                .isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void an_unreadable_record_or_one_keyed_by_another_window_goes_to_the_dead_letter_topic_and_the_next_is_decided() {
        commands.pipeInput("mnt-1", "not avro".getBytes(StandardCharsets.UTF_8));
        commands.pipeInput("mnt-2", avro.forValue(IncidentTopic.MAINTENANCE_COMMANDS).serializer()
                .serialize(IncidentTopic.MAINTENANCE_COMMANDS.topicName(), schedule("mnt-1")));
        send(schedule("mnt-3"));

        assertThat(deadLetters.readRecordsToList()).hasSize(2)
                .allSatisfy(dead -> assertThat(dead.headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull());
        assertThat(events.readValue().getMaintenanceId()).isEqualTo("mnt-3");
    }

    void send(MaintenanceCommand command) {
        commands.pipeInput(command.getMaintenanceId(), avro.forValue(IncidentTopic.MAINTENANCE_COMMANDS).serializer()
                .serialize(IncidentTopic.MAINTENANCE_COMMANDS.topicName(), command));
    }

    MaintenanceCommand schedule(String maintenanceId) {
        return command(maintenanceId, new ScheduleMaintenance("Database upgrade", "Checkout may be slow",
                List.of("checkout"), START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(3)),
                Audience.PUBLIC));
    }

    MaintenanceCommand command(String maintenanceId, Object payload) {
        String commandId = "cmd-" + (++commandCounter);
        return MaintenanceCommand.newBuilder().setCommandId(commandId).setMaintenanceId(maintenanceId)
                .setActor(ALICE).setRequestFingerprint("fp-" + commandId).setCommand(payload).build();
    }
}
