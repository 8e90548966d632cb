package dev.incidents.commands.kafka;

import dev.incidents.testing.GrantedAccess;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.AlertSignal;
import dev.incidents.avro.AlertState;
import dev.incidents.avro.CommandOutcome;
import dev.incidents.avro.CommandResult;
import dev.incidents.avro.CompleteCorrectiveAction;
import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.DeclareIncident;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.PostUpdate;
import dev.incidents.avro.PublishRca;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.RejectionReason;
import dev.incidents.avro.ResolveIncident;
import dev.incidents.avro.Severity;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.IncidentPolicy;
import dev.incidents.commands.domain.MaintenanceDecider;
import dev.incidents.commands.domain.MaintenancePolicy;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.ContractDecoder;
import dev.incidents.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeciderTopologyTest {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Actor ALICE = new Actor("alice", ActorKind.PERSON);
    static final CloudEvents CLOUD_EVENTS = new CloudEvents(URI.create("urn:incidents:incident-commands"),
            "http://127.0.0.1:8081/apis/ccompat/v7");

    static final MaintenanceDecider MAINTENANCE = new MaintenanceDecider(new MaintenancePolicy(
            Instant.parse("2000-01-01T00:00:00Z"), 50, Duration.ofDays(7), Duration.ofDays(366)));

    final MutableClock clock = new MutableClock(START);
    final AvroSerdes avro = AvroSerdes.WITHOUT_REGISTRY;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, IncidentEvent> events;
    TestOutputTopic<String, CommandResult> results;
    TestOutputTopic<String, byte[]> deadLetters;
    int commandCounter;

    @BeforeEach
    void startDriver() {
        driver = driver(clock, avro);
        commands = driver.createInputTopic(IncidentTopic.INCIDENT_COMMANDS.topicName(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        events = driver.createOutputTopic(IncidentTopic.INCIDENT_EVENTS.topicName(), Serdes.String().deserializer(),
                avro.forValue(IncidentTopic.INCIDENT_EVENTS).deserializer());
        results = driver.createOutputTopic(IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(),
                Serdes.String().deserializer(), avro.forValue(IncidentTopic.INCIDENT_COMMAND_RESULTS).deserializer());
        deadLetters = driver.createOutputTopic(IncidentTopic.INCIDENT_COMMANDS_DLQ.topicName(),
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** The command service's whole topology under a test driver, on {@code clock}. */
    static TopologyTestDriver driver(MutableClock clock, AvroSerdes avro) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decider-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(DeciderTopology.build(new IncidentDecider(IncidentPolicy.defaults()),
                MAINTENANCE, clock, avro, new SimpleMeterRegistry(), OpenTelemetry.noop().getTracer("test"),
                CLOUD_EVENTS), config);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void a_declare_becomes_the_first_event_and_an_accepted_result() {
        IncidentCommand declare = declare("inc-1", null);
        send(declare);

        TestRecord<String, IncidentEvent> event = events.readRecord();
        assertThat(event.key()).isEqualTo("inc-1");
        assertThat(event.value().getSequence()).isEqualTo(1);
        assertThat(event.value().getCausingCommandId()).isEqualTo(declare.getCommandId());
        assertThat(event.value().getOccurredAt()).isEqualTo(START);
        IncidentDeclared declared = (IncidentDeclared) event.value().getPayload();
        assertThat(declared.getNextUpdateDueAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(declared.getCadenceSeconds()).isEqualTo(900);

        CommandResult result = results.readValue();
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(result.getVersion()).isEqualTo(1);
        assertThat(result.getEventIds()).containsExactly(event.value().getEventId());
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void updates_get_consecutive_sequences() {
        send(declare("inc-1", null));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            send(update("inc-1", "update " + i));
        }
        assertThat(events.readValuesToList()).extracting(IncidentEvent::getSequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
        assertThat(results.readValuesToList()).extracting(CommandResult::getVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void declares_with_the_dedup_key_of_an_open_incident_join_it() {
        send(declare("inc-1", "monitor:checkout"));
        send(declare("inc-2", "monitor:checkout"));

        assertThat(events.readValuesToList()).extracting(IncidentEvent::getIncidentId).containsExactly("inc-1");
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).extracting(CommandResult::getOutcome)
                .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.DEDUPLICATED);
        assertThat(answers.get(1).getIncidentId()).isEqualTo("inc-1");
    }

    @Test
    void once_resolved_the_dedup_key_declares_a_new_incident() {
        send(declare("inc-1", "monitor:checkout"));
        send(command("inc-1", new ResolveIncident("Fixed", START.plus(Duration.ofDays(1)), "bob")));
        send(declare("inc-2", "monitor:checkout"));

        assertThat(events.readValuesToList()).extracting(IncidentEvent::getIncidentId)
                .containsExactly("inc-1", "inc-1", "inc-2");
        assertThat(results.readValuesToList()).extracting(CommandResult::getOutcome).containsOnly(CommandOutcome.ACCEPTED);
    }

    @Test
    void a_monitors_reports_declare_once_then_tell_the_incident_what_changed_and_repeats_add_nothing() {
        send(report("inc-1", alert("fp-api", AlertState.FIRING)));
        send(report("inc-2", alert("fp-api", AlertState.FIRING)));
        send(report("inc-3", alert("fp-api", AlertState.FIRING), alert("fp-db", AlertState.FIRING)));
        send(report("inc-4", alert("fp-api", AlertState.RESOLVED), alert("fp-db", AlertState.RESOLVED)));
        send(report("inc-5", alert("fp-api", AlertState.RESOLVED), alert("fp-db", AlertState.RESOLVED)));

        List<IncidentEvent> written = events.readValuesToList();
        assertThat(written).extracting(IncidentEvent::getIncidentId).containsOnly("inc-1");
        assertThat(written).extracting(IncidentEvent::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(((UpdatePosted) written.get(1).getPayload()).getMessage()).isEqualTo(
                "Alertmanager: 1 alert firing: HighLatency fp-db.");
        assertThat(((UpdatePosted) written.get(2).getPayload()).getAlerts()).extracting(AlertSignal::getState)
                .containsOnly(AlertState.RESOLVED);
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).extracting(CommandResult::getOutcome).containsExactly(CommandOutcome.ACCEPTED,
                CommandOutcome.DEDUPLICATED, CommandOutcome.DEDUPLICATED, CommandOutcome.DEDUPLICATED,
                CommandOutcome.DEDUPLICATED);
        assertThat(answers).extracting(answer -> answer.getEventIds().size()).containsExactly(1, 0, 1, 1, 0);
        assertThat(answers.get(2).getEventIds()).containsExactly(written.get(1).getEventId());
        assertThat(answers.get(4).getStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
    }

    @Test
    void a_report_in_which_nothing_fires_declares_nothing_and_leaves_the_dedup_key_free() {
        send(report("inc-1", alert("fp-api", AlertState.RESOLVED)));
        send(report("inc-2", alert("fp-api", AlertState.FIRING)));

        assertThat(events.readValuesToList()).extracting(IncidentEvent::getIncidentId).containsExactly("inc-2");
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).extracting(CommandResult::getOutcome)
                .containsExactly(CommandOutcome.REJECTED, CommandOutcome.ACCEPTED);
        assertThat(answers.getFirst().getRejection().getReason()).isEqualTo(RejectionReason.NOT_FOUND);
    }

    @Test
    void a_rejected_declare_does_not_hold_its_dedup_key() {
        IncidentCommand fromTheFuture = declare("inc-1", "k");
        ((DeclareIncident) fromTheFuture.getCommand()).setDetectedAt(START.plusSeconds(3600));
        send(fromTheFuture);
        send(declare("inc-2", "k"));

        assertThat(results.readValuesToList()).extracting(CommandResult::getOutcome)
                .containsExactly(CommandOutcome.REJECTED, CommandOutcome.ACCEPTED);
        assertThat(events.readValuesToList()).extracting(IncidentEvent::getIncidentId).containsExactly("inc-2");
    }

    @Test
    void a_command_sent_twice_is_decided_once_and_answered_twice() {
        IncidentCommand declare = declare("inc-1", null);
        send(declare);
        send(declare);

        assertThat(events.readValuesToList()).hasSize(1);
        List<CommandResult> answers = results.readValuesToList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    @Test
    void the_trace_the_command_carries_goes_on_with_its_events_and_its_result() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        IncidentCommand declare = declare("inc-1", null);
        commands.pipeInput(new TestRecord<>(declare.getIncidentId(),
                avro.forValue(IncidentTopic.INCIDENT_COMMANDS).serializer().serialize("t", declare),
                new RecordHeaders().add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8))));

        assertThat(TraceHeaders.traceId(events.readRecord().headers())).hasValue("0af7651916cd43dd8448eb211c80319c");
        assertThat(TraceHeaders.traceId(results.readRecord().headers())).hasValue("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void every_event_record_carries_its_cloudevents_attributes_and_nothing_else_does() {
        send(declare("inc-1", "monitor:checkout"));
        send(update("inc-1", "Rolling back"));

        List<TestRecord<String, IncidentEvent>> written = events.readRecordsToList();
        assertThat(written).extracting(record -> header(record, "ce_type")).containsExactly(
                "dev.incidents.incident.declared.v1", "dev.incidents.incident.update-posted.v1");
        for (TestRecord<String, IncidentEvent> record : written) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(record.value().getEventId());
            assertThat(header(record, "ce_source")).isEqualTo("urn:incidents:incident-commands");
            assertThat(header(record, "ce_subject")).isEqualTo("inc-1");
            assertThat(header(record, "ce_time")).isEqualTo(record.value().getOccurredAt().toString());
            assertThat(header(record, "ce_dataschema")).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7/subjects/"
                    + "incident-events-value/versions/" + ReleasedSchemas.versionOf(IncidentTopic.INCIDENT_EVENTS));
            assertThat(header(record, "content-type")).isEqualTo("application/avro; framing=confluent");
            assertThat(record.headers().headers("ce_id")).hasSize(1);
        }
        assertThat(results.readRecordsToList()).allSatisfy(result ->
                assertThat(result.headers().lastHeader("ce_id")).isNull());
    }

    static String header(TestRecord<String, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_decided_command_is_remembered_for_the_commands_retention_and_forgotten_after_it() {
        IncidentCommand update = update("inc-1", "first");
        send(declare("inc-1", null));
        send(update);
        KeyValueStore<String, CommandResult> decided = driver.getKeyValueStore(DeciderTopology.DECIDED_COMMANDS_STORE);

        clock.advance(Duration.ofDays(7));
        driver.advanceWallClockTime(Duration.ofHours(1));
        send(update);

        assertThat(results.readValuesToList()).extracting(CommandResult::getOutcome)
                .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED);
        assertThat(events.readValuesToList()).hasSize(2);
        assertThat(decided.get(update.getCommandId())).isNotNull();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        driver.advanceWallClockTime(Duration.ofHours(1));

        try (var remembered = decided.all()) {
            assertThat(remembered.hasNext()).as("anything remembered").isFalse();
        }
    }

    @Test
    void a_reused_command_id_with_another_request_is_refused() {
        IncidentCommand first = update("inc-1", "first");
        send(declare("inc-1", null));
        send(first);
        IncidentCommand other = IncidentCommand.newBuilder(first).setRequestFingerprint("other-body")
                .setCommand(new PostUpdate(IncidentStatus.IDENTIFIED, "other", dev.incidents.avro.Audience.PUBLIC, null))
                .build();
        send(other);

        assertThat(events.readValuesToList()).hasSize(2);
        CommandResult last = results.readValuesToList().get(2);
        assertThat(last.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(last.getRejection().getReason()).isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void a_rejected_command_writes_no_event() {
        send(update("inc-404", "nobody home"));

        assertThat(events.isEmpty()).isTrue();
        CommandResult result = results.readValue();
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.getRejection().getReason()).isEqualTo(RejectionReason.NOT_FOUND);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_next_command_is_decided() {
        commands.pipeInput("inc-1", "not avro".getBytes(StandardCharsets.UTF_8));
        send(declare("inc-1", null));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(new String(dead.headers().lastHeader(ContractDecoder.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("Not a valid IncidentCommand");
        assertThat(dead.headers().lastHeader(ContractDecoder.SOURCE_HEADER)).isNotNull();
        assertThat(events.readValuesToList()).hasSize(1);
    }

    @Test
    void a_command_keyed_by_another_incident_goes_to_the_dead_letter_topic() {
        IncidentCommand declare = declare("inc-1", null);
        commands.pipeInput("inc-2", avro.forValue(IncidentTopic.INCIDENT_COMMANDS).serializer().serialize("t", declare));

        assertThat(deadLetters.readRecord().headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull();
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void event_ids_are_derived_from_the_command() {
        IncidentCommand declare = declare("inc-1", null);
        send(declare);
        assertThat(events.readValue().getEventId())
                .isEqualTo(DecidedCommands.eventId(declare.getCommandId(), 0));
    }

    @Test
    void an_update_keeps_the_promise_it_states() {
        send(declare("inc-1", null));
        Instant promise = START.plus(Duration.ofMinutes(10));
        IncidentCommand update = command("inc-1",
                new PostUpdate(IncidentStatus.IDENTIFIED, "Found", dev.incidents.avro.Audience.PUBLIC, promise));
        send(update);
        List<IncidentEvent> written = events.readValuesToList();
        assertThat(((UpdatePosted) written.get(1).getPayload()).getNextUpdateDueAt()).isEqualTo(promise);
        assertThat(results.readValuesToList().get(1).getNextUpdateDueAt()).isEqualTo(promise);
    }

    @Test
    void corrective_actions_are_numbered_stored_and_settled_once() {
        send(declare("inc-1", null));
        send(command("inc-1", new ResolveIncident("Fixed", START.plus(Duration.ofDays(1)), "bob")));
        send(command("inc-1", new PublishRca("Bad deploy", List.of(
                new dev.incidents.avro.CorrectiveAction(null, "Canary deploys", "platform", null),
                new dev.incidents.avro.CorrectiveAction(null, "Deploy freeze on Fridays", "sre", null)), null)));
        send(command("inc-1", new CompleteCorrectiveAction("CA-2", "Policy published")));
        send(command("inc-1", new CompleteCorrectiveAction("CA-2", "Again")));

        List<IncidentEvent> written = events.readValuesToList();
        RcaPublished rca = (RcaPublished) written.get(2).getPayload();
        assertThat(rca.getCorrectiveActions()).extracting(dev.incidents.avro.CorrectiveAction::getId)
                .containsExactly("CA-1", "CA-2");
        assertThat(rca.getCorrectiveActions()).extracting(dev.incidents.avro.CorrectiveAction::getDueAt)
                .containsOnly(START.plus(Duration.ofDays(5)));
        assertThat(((CorrectiveActionCompleted) written.get(3).getPayload()).getActionId()).isEqualTo("CA-2");
        assertThat(written).hasSize(4);
        assertThat(results.readValuesToList()).extracting(CommandResult::getOutcome).containsExactly(
                CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED, CommandOutcome.ACCEPTED,
                CommandOutcome.REJECTED);
    }

    void send(IncidentCommand command) {
        commands.pipeInput(command.getIncidentId(),
                avro.forValue(IncidentTopic.INCIDENT_COMMANDS).serializer().serialize("t", command));
    }

    IncidentCommand declare(String incidentId, String dedupKey) {
        return command(incidentId, DeclareIncident.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                .setSummary("Customers cannot pay").setDedupKey(dedupKey).build());
    }

    IncidentCommand report(String incidentId, AlertSignal... alerts) {
        return command(incidentId, DeclareIncident.newBuilder().setTitle("High latency").setSeverity(Severity.SEV2)
                .setSummary("p99 over 2 s").setDedupKey("alertmanager:group").setSource("Alertmanager")
                .setAlerts(List.of(alerts)).build());
    }

    static AlertSignal alert(String key, AlertState state) {
        return new AlertSignal(key, "HighLatency " + key, state);
    }

    IncidentCommand update(String incidentId, String message) {
        return command(incidentId,
                new PostUpdate(IncidentStatus.INVESTIGATING, message, dev.incidents.avro.Audience.PUBLIC, null));
    }

    IncidentCommand command(String incidentId, Object payload) {
        String commandId = "cmd-" + (++commandCounter);
        return IncidentCommand.newBuilder().setCommandId(commandId).setIncidentId(incidentId).setActor(ALICE)
                .setRequestFingerprint("fp-" + commandId).setCommand(payload).build();
    }

    @Test
    void the_topology_reads_and_writes_only_topics_provisioning_grants_the_service() {
        GrantedAccess.assertTopologyWithin(DeciderTopology.build(new IncidentDecider(IncidentPolicy.defaults()),
                        MAINTENANCE, clock, avro, new SimpleMeterRegistry(), OpenTelemetry.noop().getTracer("test"),
                        CLOUD_EVENTS), ServiceAccess.INCIDENT_COMMANDS_SERVICE);
        GrantedAccess.assertApplicationId(ServiceAccess.INCIDENT_COMMANDS_SERVICE);
    }
}
