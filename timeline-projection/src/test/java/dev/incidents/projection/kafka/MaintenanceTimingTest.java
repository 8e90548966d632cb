package dev.incidents.projection.kafka;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.MaintenanceCompleted;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceDetectionKind;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.ContractDecoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.incidents.projection.kafka.ProjectionTopologyTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The projection times maintenance windows from maintenance-events beside the clock ticks: a reminder an hour
 * before the start, a report when the start comes and nothing started, overrun reports while the end has passed,
 * and none of them ahead of an event already appended.
 */
class MaintenanceTimingTest {

    static final Instant STARTS = T0.plus(Duration.ofHours(3));
    static final Instant ENDS = STARTS.plus(Duration.ofHours(1));

    final AvroSerdes avro = AvroSerdes.WITHOUT_REGISTRY;
    final Map<String, Long> sequences = new HashMap<>();
    Instant wallClock = T0;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> events;
    TestInputTopic<byte[], byte[]> clockTicks;
    TestOutputTopic<String, MaintenanceDetection> detections;
    TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        driver = ProjectionTopologyTest.driver(Duration.ZERO, new SimpleMeterRegistry());
        events = driver.createInputTopic(IncidentTopic.MAINTENANCE_EVENTS.topicName(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        clockTicks = driver.createInputTopic(IncidentTopic.INCIDENT_CLOCK_TICKS.topicName(),
                Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        detections = driver.createOutputTopic(IncidentTopic.MAINTENANCE_DETECTIONS.topicName(),
                Serdes.String().deserializer(), avro.forValue(IncidentTopic.MAINTENANCE_DETECTIONS).deserializer());
        deadLetters = driver.createOutputTopic(ProjectionTopology.DEAD_LETTER_TOPIC, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void a_window_is_reminded_of_an_hour_ahead_then_reported_when_its_start_comes_and_it_has_not_started() {
        schedule("mnt-1", T0);

        wallClockTo(STARTS.minus(Duration.ofMinutes(61)));
        assertThat(detections.isEmpty()).isTrue();
        wallClockTo(STARTS.minus(Duration.ofMinutes(60)));
        TestRecord<String, MaintenanceDetection> reminder = detections.readRecord();
        assertThat(reminder.key()).isEqualTo("mnt-1");
        assertThat(reminder.value().getKind()).isEqualTo(MaintenanceDetectionKind.MAINTENANCE_STARTING_SOON);
        assertThat(reminder.value().getDeadline()).isEqualTo(STARTS);
        assertThat(new String(reminder.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("dev.incidents.detection.maintenance-starting-soon.v1");

        wallClockTo(STARTS.plusSeconds(2));
        assertThat(detections.readValuesToList()).extracting(MaintenanceDetection::getKind,
                        MaintenanceDetection::getLateBySeconds)
                .containsExactly(tuple(MaintenanceDetectionKind.MAINTENANCE_DUE_TO_START, 2L));
    }

    @Test
    void a_started_window_running_past_its_end_is_reported_again_and_again_until_completed() {
        schedule("mnt-1", T0);
        send("mnt-1", STARTS, new MaintenanceStarted("Starting"));
        wallClockTo(STARTS.plusSeconds(1));
        detections.readValuesToList();

        wallClockTo(ENDS.plusSeconds(1));
        wallClockTo(ENDS.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(detections.readValuesToList()).extracting(MaintenanceDetection::getKind,
                        MaintenanceDetection::getRepeat)
                .containsExactly(tuple(MaintenanceDetectionKind.MAINTENANCE_OVERRUN, 0),
                        tuple(MaintenanceDetectionKind.MAINTENANCE_OVERRUN, 1));

        Instant done = ENDS.plus(Duration.ofMinutes(20));
        send("mnt-1", done, new MaintenanceCompleted("Done"));
        wallClockTo(ENDS.plus(Duration.ofHours(2)));
        assertThat(detections.isEmpty()).isTrue();
    }

    @Test
    void a_start_appended_in_time_but_read_late_is_never_reported_missed() {
        schedule("mnt-1", T0);
        wallClockTo(STARTS.minus(Duration.ofMinutes(60)));
        detections.readValuesToList();

        // the wall clock passes the start while the start event, appended just before it, is not yet read
        driver.advanceWallClockTime(Duration.between(wallClock, STARTS.plusSeconds(30)));
        wallClock = STARTS.plusSeconds(30);
        send("mnt-1", STARTS.minusSeconds(1), new MaintenanceStarted("Starting"));
        wallClockTo(STARTS.plusSeconds(31));

        assertThat(detections.isEmpty()).isTrue();
    }

    @Test
    void an_unreadable_event_goes_to_the_dead_letter_topic_and_the_next_window_is_timed() {
        events.pipeInput("mnt-1", "not avro".getBytes(StandardCharsets.UTF_8), T0);
        schedule("mnt-2", T0);
        wallClockTo(STARTS.minus(Duration.ofMinutes(60)));

        assertThat(deadLetters.readRecord().headers().lastHeader(ContractDecoder.REASON_HEADER)).isNotNull();
        assertThat(detections.readValuesToList()).extracting(MaintenanceDetection::getMaintenanceId)
                .containsExactly("mnt-2");
    }

    private void schedule(String maintenanceId, Instant at) {
        send(maintenanceId, at, new MaintenanceScheduled("Database upgrade", "Checkout may pause",
                List.of("checkout"), STARTS, ENDS, Audience.PUBLIC));
    }

    private void send(String maintenanceId, Instant at, Object payload) {
        long sequence = sequences.merge(maintenanceId, 1L, Long::sum);
        MaintenanceEvent event = MaintenanceEvent.newBuilder().setEventId(maintenanceId + "-" + sequence)
                .setMaintenanceId(maintenanceId).setSequence(sequence).setOccurredAt(at)
                .setActor(new Actor("alice", ActorKind.PERSON)).setCausingCommandId("cmd").setPayload(payload)
                .build();
        events.pipeInput(maintenanceId, avro.forValue(IncidentTopic.MAINTENANCE_EVENTS).serializer()
                .serialize(IncidentTopic.MAINTENANCE_EVENTS.topicName(), event), at);
    }

    private void wallClockTo(Instant instant) {
        clockTicks.pipeInput(null, new byte[0], instant);
        driver.advanceWallClockTime(Duration.between(wallClock, instant));
        wallClock = instant;
    }
}
