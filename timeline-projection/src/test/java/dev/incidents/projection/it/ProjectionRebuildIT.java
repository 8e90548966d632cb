package dev.incidents.projection.it;

import dev.incidents.avro.Audience;
import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.Severity;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.TestStack;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.incidents.projection.it.IncidentEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that starts from nothing after the deadlines have passed, and is killed (SIGKILL) while it rebuilds:
 * it reports each broken promise exactly once and never one that an update, later in the log, kept.
 */
class ProjectionRebuildIT {

    static final int PER_KIND = 1_500;

    static Path state;
    static Path logs;
    ManagedProcess projection;
    final String applicationId = "timeline-projection-rebuild-" + UUID.randomUUID();
    static int port;

    @BeforeAll
    static void startStack() throws Exception {
        TestStack.start();
        state = Files.createTempDirectory("projection-rebuild-it");
        logs = Files.createDirectories(Path.of("target", "it-logs"));
        port = ManagedProcess.freePort();
    }

    @AfterEach
    void stop() {
        if (projection != null) {
            projection.close();
        }
    }

    @Test
    void a_rebuild_killed_midway_reports_each_missed_promise_once_and_no_kept_one() throws Exception {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = declared.plusSeconds(8);
        List<String> kept = ids("kept");
        List<String> missed = ids("missed");
        // Every declaration first, then the updates that keep half of the promises: far apart in the log.
        publish(Stream.concat(kept.stream(), missed.stream()).map(id -> event(id, 1, declared,
                IncidentDeclared.newBuilder().setTitle("Rebuild test").setSeverity(Severity.SEV1).setSummary("s")
                        .setDetectedAt(declared).setNextUpdateDueAt(deadline).setCadenceSeconds(900L).build())));
        Instant updated = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(kept.stream().map(id -> event(id, 2, updated, new UpdatePosted(IncidentStatus.IDENTIFIED,
                "Found it", Audience.PUBLIC, updated.plus(Duration.ofHours(1)), 3_600L, List.of()))));
        assertThat(updated).isBefore(deadline);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline.plusSeconds(1)).toMillis())); // all passed

        projection = start();
        awaitFirstState(Set.copyOf(kept));
        projection.kill();
        projection = start();

        Set<String> all = Stream.concat(kept.stream(), missed.stream()).collect(Collectors.toSet());
        List<IncidentDetection> detections = DetectionReader.read(all,
                found -> overdueIncidents(found).size() >= missed.size(), Duration.ofSeconds(5));
        assertThat(detections).extracting(IncidentDetection::getDetectionId).doesNotHaveDuplicates();
        assertThat(overdueIncidents(detections)).containsExactlyInAnyOrderElementsOf(missed);
        RestAssured.given().port(port).auth().oauth2(TestStack.tokens().of("viewer"))
                .get("/incidents/" + kept.get(0)).then().statusCode(200)
                .body("promisesKept", org.hamcrest.Matchers.equalTo(1))
                .body("overdue", org.hamcrest.Matchers.equalTo(false));
    }

    private static List<String> ids(String kind) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            ids.add(kind + "-" + UUID.randomUUID());
        }
        return ids;
    }

    private static List<String> overdueIncidents(List<IncidentDetection> detections) {
        return detections.stream().filter(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .map(IncidentDetection::getIncidentId).toList();
    }

    private static void publish(Stream<IncidentEvent> events) {
        IncidentEvents.publish(events.toArray(IncidentEvent[]::new));
    }

    /** Until the projection's first committed state of one of these incidents: it is rebuilding now. */
    private static void awaitFirstState(Set<String> ids) {
        String topic = IncidentTopic.INCIDENT_STATE.topicName();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    if (ids.contains(record.key())) {
                        return;
                    }
                }
            }
            throw new AssertionError("The projection never started rebuilding");
        }
    }

    private ManagedProcess start() throws Exception {
        return ServiceProcess.start("timeline-projection-rebuild", Path.of(System.getProperty("service.jar")), port,
                TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state, logs.resolve("projection-rebuild.log"),
                "384m", "quarkus.kafka-streams.application-id=" + applicationId,
                "incidents.detection.scan-interval=200ms", TestStack.identitySetting());
    }
}
