package dev.incidents.projection.kafka;

import dev.incidents.testing.GrantedAccess;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.CorrectiveAction;
import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.CorrectiveActionRescheduled;
import dev.incidents.avro.CorrectiveActionStatus;
import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentReopened;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.IncidentState;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.Severity;
import dev.incidents.avro.SeverityChanged;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.projection.domain.DetectionPolicy;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.Projection;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.ContractDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProjectionTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration SEV2 = Duration.ofMinutes(30);
    static final Duration SCAN = Duration.ofSeconds(1);
    static final CloudEvents CLOUD_EVENTS = new CloudEvents(URI.create("urn:incidents:timeline-projection"),
            "http://127.0.0.1:8081/apis/ccompat/v7");

    final AvroSerdes avro = AvroSerdes.WITHOUT_REGISTRY;
    final Map<String, Long> sequences = new HashMap<>();
    Instant wallClock = T0;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> events;
    TestInputTopic<byte[], byte[]> clockTicks;
    TestOutputTopic<String, IncidentState> states;
    TestOutputTopic<String, IncidentDetection> detections;
    TestOutputTopic<String, byte[]> deadLetters;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        start(Duration.ZERO);
    }

    private void start(Duration settleTime) {
        driver = driver(settleTime, meters);
        events = driver.createInputTopic(IncidentTopic.INCIDENT_EVENTS.topicName(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        clockTicks = driver.createInputTopic(IncidentTopic.INCIDENT_CLOCK_TICKS.topicName(),
                Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        states = driver.createOutputTopic(IncidentTopic.INCIDENT_STATE.topicName(), Serdes.String().deserializer(),
                avro.forValue(IncidentTopic.INCIDENT_STATE).deserializer());
        detections = driver.createOutputTopic(IncidentTopic.INCIDENT_DETECTIONS.topicName(),
                Serdes.String().deserializer(), avro.forValue(IncidentTopic.INCIDENT_DETECTIONS).deserializer());
        deadLetters = driver.createOutputTopic(ProjectionTopology.DEAD_LETTER_TOPIC, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** The projection's whole topology under a test driver whose wall clock starts at {@link #T0}. */
    static TopologyTestDriver driver(Duration settleTime, SimpleMeterRegistry meters) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "projection-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(ProjectionTopology.build(new Projection(DetectionPolicy.defaults()),
                MaintenanceProjection.defaults(), new ProjectionTopology.Scan(SCAN, settleTime),
                AvroSerdes.WITHOUT_REGISTRY, meters, OpenTelemetry.noop().getTracer("test"), CLOUD_EVENTS), config,
                T0);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void a_declared_incident_is_open_with_its_first_deadline() {
        declare("inc-1", T0);

        IncidentState state = states.readValue();
        assertThat(state.getOpen()).isTrue();
        assertThat(state.getVersion()).isEqualTo(1);
        assertThat(state.getNextUpdateDueAt()).isEqualTo(T0.plus(SEV2));
        assertThat(state.getOverdue()).isFalse();
    }

    @Test
    void a_missed_deadline_warns_before_then_marks_the_incident_overdue() {
        declare("inc-1", T0);
        wallClockTo(T0.plus(SEV2).minus(Duration.ofMinutes(5)));
        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind)
                .containsExactly(DetectionKind.UPDATE_DUE_SOON);

        wallClockTo(T0.plus(SEV2).plusSeconds(1));
        IncidentDetection overdue = detections.readValue();
        assertThat(overdue.getKind()).isEqualTo(DetectionKind.UPDATE_OVERDUE);
        assertThat(overdue.getDeadline()).isEqualTo(T0.plus(SEV2));
        assertThat(overdue.getLateBySeconds()).isEqualTo(1);
        assertThat(lastState().getOverdue()).isTrue();
        assertThat(count("incident.detections", "kind", "UPDATE_DUE_SOON")).isEqualTo(1);
        assertThat(count("incident.detections", "kind", "UPDATE_OVERDUE")).isEqualTo(1);
        assertThat(meters.find("incident.promises").counter()).isNull();

        Instant late = T0.plus(SEV2).plusSeconds(30);
        send("inc-1", late, publicUpdate(late.plus(SEV2)));

        assertThat(meters.get("incident.promises").tags("outcome", "missed", "severity", "SEV2").counter().count())
                .isEqualTo(1);
        assertThat(count("incident.detections", "kind", "UPDATE_OVERDUE_CLEARED")).isEqualTo(1);
    }

    @Test
    void the_state_and_the_detection_of_a_missed_promise_carry_the_trace_of_the_event_that_made_it() {
        IncidentEvent declared = event("inc-1", 1, T0, declaredPayload(T0));
        sequences.put("inc-1", 1L);
        events.pipeInput(new TestRecord<>("inc-1", avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer()
                .serialize("t", declared), new RecordHeaders().add(TraceHeaders.TRACEPARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8)), T0));

        wallClockTo(T0.plus(SEV2).plusSeconds(1));

        assertThat(states.readRecordsToList()).extracting(record -> TraceHeaders.traceId(record.headers()))
                .isNotEmpty().containsOnly(Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(detections.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.value().getKind()).isEqualTo(DetectionKind.UPDATE_OVERDUE);
            assertThat(TraceHeaders.traceId(record.headers())).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
        });
    }

    @Test
    void every_detection_record_carries_its_cloudevents_attributes() {
        declare("inc-1", T0);
        wallClockTo(T0.plus(SEV2).minus(Duration.ofMinutes(5)));
        wallClockTo(T0.plus(SEV2).plusSeconds(1));

        List<TestRecord<String, IncidentDetection>> written = detections.readRecordsToList();
        assertThat(written).extracting(record -> header(record, "ce_type")).containsExactly(
                "dev.incidents.detection.update-due-soon.v1", "dev.incidents.detection.update-overdue.v1");
        for (TestRecord<String, IncidentDetection> record : written) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(record.value().getDetectionId());
            assertThat(header(record, "ce_source")).isEqualTo("urn:incidents:timeline-projection");
            assertThat(header(record, "ce_subject")).isEqualTo("inc-1");
            assertThat(header(record, "ce_time")).isEqualTo(record.value().getDetectedAt().toString());
            assertThat(header(record, "ce_dataschema")).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7/subjects/"
                    + "incident-detections-value/versions/"
                    + ReleasedSchemas.versionOf(IncidentTopic.INCIDENT_DETECTIONS));
            assertThat(header(record, "content-type")).isEqualTo("application/avro; framing=confluent");
        }
        assertThat(states.readRecordsToList()).allSatisfy(state ->
                assertThat(state.headers().lastHeader("ce_id")).isNull());
    }

    private static String header(TestRecord<String, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void several_incidents_due_in_the_same_tick_are_all_detected() {
        for (int i = 0; i < 5; i++) {
            declare("inc-" + i, T0);
        }
        wallClockTo(T0.plus(SEV2));

        assertThat(detections.readValuesToList()).filteredOn(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .extracting(IncidentDetection::getIncidentId)
                .containsExactlyInAnyOrder("inc-0", "inc-1", "inc-2", "inc-3", "inc-4");
    }

    @Test
    void a_severity_raise_moves_the_deadline_earlier() {
        declare("inc-1", T0);
        Instant tighter = T0.plus(Duration.ofMinutes(15));
        send("inc-1", T0.plusSeconds(10), new SeverityChanged(Severity.SEV2, Severity.SEV1, "worse", tighter, 900L));
        wallClockTo(tighter.plusSeconds(1));

        assertThat(detections.readValuesToList()).filteredOn(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .singleElement().satisfies(d -> assertThat(d.getDeadline()).isEqualTo(tighter));
    }

    @Test
    void an_update_exactly_at_the_deadline_keeps_the_promise() {
        declare("inc-1", T0);
        Instant deadline = T0.plus(SEV2);
        wallClockTo(deadline.minusSeconds(1));
        send("inc-1", deadline, publicUpdate(deadline.plus(SEV2)));
        wallClockTo(deadline.plusSeconds(5));

        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind)
                .containsExactly(DetectionKind.UPDATE_DUE_SOON);
        IncidentState state = lastState();
        assertThat(state.getPromisesKept()).isEqualTo(1);
        assertThat(state.getOverdue()).isFalse();
        assertThat(meters.get("incident.promises").tags("outcome", "kept", "severity", "SEV2").counter().count())
                .isEqualTo(1);
        assertThat(meters.find("incident.promises").tags("outcome", "missed").counter()).isNull();
    }

    @Test
    void a_punctuation_delayed_by_many_intervals_misses_nothing_due() {
        declare("inc-1", T0);
        wallClockTo(T0.plus(SEV2).plus(Duration.ofMinutes(11)));

        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind).containsExactly(
                DetectionKind.UPDATE_OVERDUE, DetectionKind.UPDATE_STILL_OVERDUE);
    }

    @Test
    void a_deadline_waits_until_the_events_stamped_before_it_are_read() {
        declare("inc-1", T0);
        Instant deadline = T0.plus(SEV2);
        driver.advanceWallClockTime(Duration.between(T0, deadline.plus(Duration.ofMinutes(10))));
        assertThat(detections.readValuesToList()).as("events are read only up to T0").isEmpty();

        send("inc-1", T0.plus(Duration.ofMinutes(20)), publicUpdate(T0.plus(Duration.ofMinutes(50))));
        clockTicks.pipeInput(null, new byte[0], deadline.plus(Duration.ofMinutes(10)));

        assertThat(detections.readValuesToList()).isEmpty();
        IncidentState state = lastState();
        assertThat(state.getPromisesKept()).isEqualTo(1);
        assertThat(state.getOverdue()).isFalse();
        assertThat(meters.get("incident.promises").tags("outcome", "kept", "severity", "SEV2").counter().count())
                .isEqualTo(1);
        assertThat(meters.find("incident.promises").tags("outcome", "missed").counter()).isNull();
    }

    @Test
    void an_update_still_committing_when_its_deadline_passes_keeps_the_promise_within_the_settle_time() {
        driver.close();
        start(Duration.ofMillis(250));
        declare("inc-1", T0);
        Instant deadline = T0.plus(SEV2);
        wallClockTo(deadline.minus(Duration.ofMinutes(1)));
        wallClockTo(deadline.plusMillis(100));
        send("inc-1", deadline.minusMillis(50), publicUpdate(deadline.plus(SEV2)));
        wallClockTo(deadline.plusSeconds(1));

        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind)
                .containsExactly(DetectionKind.UPDATE_DUE_SOON);
        assertThat(lastState().getPromisesKept()).isEqualTo(1);
    }

    @Test
    void resolving_while_overdue_clears_the_alert() {
        declare("inc-1", T0);
        wallClockTo(T0.plus(SEV2).plusSeconds(30));
        detections.readValuesToList();
        send("inc-1", T0.plus(SEV2).plusSeconds(40),
                new IncidentResolved("fixed", T0.plus(Duration.ofDays(5)), "sre", Duration.ofDays(5).toSeconds()));

        assertThat(detections.readValue().getKind()).isEqualTo(DetectionKind.UPDATE_OVERDUE_CLEARED);
        IncidentState state = lastState();
        assertThat(state.getOpen()).isFalse();
        assertThat(state.getOverdue()).isFalse();
        assertThat(state.getPromisesMissed()).isEqualTo(1);
    }

    @Test
    void a_reopened_incident_is_watched_again() {
        declare("inc-1", T0);
        send("inc-1", T0.plusSeconds(60),
                new IncidentResolved("fixed", T0.plus(Duration.ofDays(5)), "sre", Duration.ofDays(5).toSeconds()));
        Instant reopenedDeadline = T0.plus(Duration.ofMinutes(40));
        send("inc-1", T0.plus(Duration.ofMinutes(10)), new IncidentReopened("back", reopenedDeadline, 1800L));
        wallClockTo(reopenedDeadline.plusSeconds(1));

        assertThat(detections.readValuesToList()).filteredOn(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .singleElement().satisfies(d -> assertThat(d.getDeadline()).isEqualTo(reopenedDeadline));
    }

    @Test
    void a_missed_rca_due_date_is_detected() {
        declare("inc-1", T0);
        Instant rcaDue = T0.plus(Duration.ofDays(2));
        send("inc-1", T0.plusSeconds(60), new IncidentResolved("fixed", rcaDue, "sre", Duration.ofDays(5).toSeconds()));
        wallClockTo(rcaDue.plusSeconds(1));

        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind)
                .containsExactly(DetectionKind.RCA_OVERDUE);
        assertThat(lastState().getRcaOverdue()).isTrue();
    }

    @Test
    void a_corrective_action_warns_its_owner_ahead_then_is_overdue_daily_until_completed() {
        Instant due = T0.plus(Duration.ofDays(3));
        resolvedWithRca("inc-1", due);
        wallClockTo(due.minus(Duration.ofDays(1)));
        IncidentDetection soon = detections.readValue();
        assertThat(soon.getKind()).isEqualTo(DetectionKind.CORRECTIVE_ACTION_DUE_SOON);
        assertThat(soon.getActionId()).isEqualTo("CA-1");
        assertThat(soon.getOwner()).isEqualTo("platform");
        assertThat(soon.getCommander()).isEqualTo("alice");

        wallClockTo(due.plusSeconds(1));
        wallClockTo(due.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind, IncidentDetection::getRepeat)
                .containsExactly(tuple(DetectionKind.CORRECTIVE_ACTION_OVERDUE, 0),
                        tuple(DetectionKind.CORRECTIVE_ACTION_OVERDUE, 1));
        assertThat(lastState().getCorrectiveActions().get(0).getOverdue()).isTrue();

        Instant doneAt = due.plus(Duration.ofDays(1)).plusSeconds(60);
        send("inc-1", doneAt, new CorrectiveActionCompleted("CA-1", "https://git.example/pr/9", due));
        var action = lastState().getCorrectiveActions().get(0);
        assertThat(action.getState()).isEqualTo(CorrectiveActionStatus.COMPLETED);
        assertThat(action.getOverdue()).isFalse();
        assertThat(action.getOnTime()).isFalse();

        wallClockTo(due.plus(Duration.ofDays(5)));
        assertThat(detections.readValuesToList()).as("completing it stopped the reports").isEmpty();
    }

    @Test
    void a_rescheduled_corrective_action_is_watched_at_its_new_date_only() {
        Instant due = T0.plus(Duration.ofDays(3));
        Instant moved = due.plus(Duration.ofDays(4));
        resolvedWithRca("inc-1", due);
        send("inc-1", T0.plus(Duration.ofDays(1)), new CorrectiveActionRescheduled("CA-1", due, moved, "Vendor"));

        wallClockTo(due.plusSeconds(1));
        assertThat(detections.readValuesToList()).isEmpty();
        wallClockTo(moved.minus(Duration.ofDays(1)));
        wallClockTo(moved.plusSeconds(1));
        assertThat(detections.readValuesToList()).extracting(IncidentDetection::getKind, IncidentDetection::getDeadline)
                .containsExactly(tuple(DetectionKind.CORRECTIVE_ACTION_DUE_SOON, moved),
                        tuple(DetectionKind.CORRECTIVE_ACTION_OVERDUE, moved));
        assertThat(lastState().getCorrectiveActions().get(0).getTimesRescheduled()).isEqualTo(1);
    }

    private void resolvedWithRca(String incidentId, Instant actionDue) {
        declare(incidentId, T0);
        send(incidentId, T0.plusSeconds(60), new IncidentResolved("fixed", T0.plus(Duration.ofDays(2)), "sre",
                Duration.ofDays(5).toSeconds()));
        send(incidentId, T0.plusSeconds(120), new RcaPublished("Bad deploy", List.of(
                new CorrectiveAction("CA-1", "Canary deploys", "platform", actionDue)), null));
        detections.readValuesToList();
    }

    @Test
    void an_unreadable_event_goes_to_the_dead_letter_topic_and_the_next_is_projected() {
        events.pipeInput("inc-1", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        declare("inc-1", T0);

        assertThat(deadLetters.readRecord().headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull();
        assertThat(states.readValue().getIncidentId()).isEqualTo("inc-1");
        assertThat(count("incident.dead.letters", "topic", "incident-events-dlq")).isEqualTo(1);
    }

    @Test
    void a_repeated_event_changes_nothing() {
        IncidentEvent declared = event("inc-1", 1, T0, declaredPayload(T0));
        events.pipeInput("inc-1", avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer().serialize("t", declared), T0);
        events.pipeInput("inc-1", avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer().serialize("t", declared), T0);

        assertThat(states.readValuesToList()).hasSize(1);
    }

    private double count(String meter, String tag, String value) {
        return meters.get(meter).tag(tag, value).counter().count();
    }

    private void declare(String incidentId, Instant at) {
        send(incidentId, at, declaredPayload(at));
    }

    private static IncidentDeclared declaredPayload(Instant at) {
        return IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV2)
                .setSummary("Payments fail").setCommander("alice").setDetectedAt(at)
                .setNextUpdateDueAt(at.plus(SEV2)).setCadenceSeconds(SEV2.toSeconds()).build();
    }

    private static UpdatePosted publicUpdate(Instant next) {
        return new UpdatePosted(IncidentStatus.IDENTIFIED, "found it", Audience.PUBLIC, next, SEV2.toSeconds(), List.of());
    }

    private void send(String incidentId, Instant at, Object payload) {
        long sequence = sequences.merge(incidentId, 1L, Long::sum);
        IncidentEvent event = event(incidentId, sequence, at, payload);
        events.pipeInput(incidentId, avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer().serialize("t", event), at);
    }

    private static IncidentEvent event(String incidentId, long sequence, Instant at, Object payload) {
        return IncidentEvent.newBuilder().setEventId(incidentId + "-" + sequence).setIncidentId(incidentId)
                .setSequence(sequence).setOccurredAt(at).setActor(new Actor("alice", ActorKind.PERSON))
                .setCausingCommandId("cmd").setPayload(payload).build();
    }

    /**
     * A clock tick stamped {@code instant} (every event before it is read), then the driver's wall clock moved
     * there, which runs the punctuator once, however far it jumps.
     */
    private void wallClockTo(Instant instant) {
        clockTicks.pipeInput(null, new byte[0], instant);
        driver.advanceWallClockTime(Duration.between(wallClock, instant));
        wallClock = instant;
    }

    private IncidentState lastState() {
        List<IncidentState> all = states.readValuesToList();
        return all.get(all.size() - 1);
    }

    @Test
    void the_topology_reads_and_writes_only_topics_provisioning_grants_the_service() {
        GrantedAccess.assertTopologyWithin(ProjectionTopology.build(new Projection(DetectionPolicy.defaults()),
                MaintenanceProjection.defaults(), new ProjectionTopology.Scan(SCAN, Duration.ofMillis(250)), avro,
                meters, OpenTelemetry.noop().getTracer("test"), CLOUD_EVENTS),
                ServiceAccess.TIMELINE_PROJECTION_SERVICE);
        GrantedAccess.assertApplicationId(ServiceAccess.TIMELINE_PROJECTION_SERVICE);
    }
}
