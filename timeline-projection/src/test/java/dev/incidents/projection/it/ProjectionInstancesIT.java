package dev.incidents.projection.it;

import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.testing.Await;
import dev.incidents.testing.SignedIn;
import dev.incidents.testing.TestStack;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged projection: either answers for any incident (asking the other with its peer
 * credential), only a peer may ask for one instance's part, and an instance killed without warning (SIGKILL) while
 * deadlines pass loses no detection and repeats none.
 */
class ProjectionInstancesIT {

    static final int INCIDENTS = 20;

    static Path state;
    static Path logs;
    static int portA;
    static int portB;
    static ManagedProcess a;
    static ManagedProcess b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestStack.start();
        state = Files.createTempDirectory("projection-instances-it");
        logs = Files.createDirectories(Path.of("target", "it-logs"));
        portA = ManagedProcess.freePort();
        portB = ManagedProcess.freePort();
        a = start("a", portA);
        b = start("b", portB);
        SignedIn.as("viewer");
    }

    @AfterAll
    static void stop() {
        SignedIn.out();
        b.close();
        a.close();
    }

    @Test
    void either_instance_answers_for_every_incident_and_a_crash_loses_and_repeats_no_detection() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            String id = "crash-" + UUID.randomUUID();
            ids.add(id);
            publish(id, now, now.plusSeconds(12).plusMillis(500L * i));
        }
        for (int port : List.of(portA, portB)) {
            for (String id : ids) {
                awaitStatus(port, "/incidents/" + id, 200);
            }
        }
        assertThat(RestAssured.given().port(portA).get("/incidents").jsonPath().getList("incidentId"))
                .containsAll(ids);
        assertThat(RestAssured.given().port(portA).header("X-Incidents-Local-Only", "true").get("/incidents")
                .jsonPath().getList("incidentId")).as("a viewer asking for one instance's part gets all")
                .containsAll(ids);
        List<String> partOfA = RestAssured.given().port(portA).auth().oauth2(TestStack.tokens().ofPeer())
                .header("X-Incidents-Local-Only", "true").get("/incidents").jsonPath().getList("incidentId");
        assertThat(partOfA).as("a peer gets instance a's part only").isNotEmpty()
                .hasSizeLessThan(RestAssured.given().port(portA).get("/incidents").jsonPath().getList("incidentId")
                        .size());
        for (int port : List.of(portA, portB)) {
            assertThat(RestAssured.given().port(port).get("/api/v2/summary.json").jsonPath().getList("incidents.id"))
                    .as("the public summary gathers both instances' incidents").containsAll(ids);
        }

        // Kill while deadlines pass (on a slow machine the set-up may take longer: then kill at once).
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusSeconds(16)).toMillis()));
        a.kill();
        a = start("a", portA);

        List<IncidentDetection> detections = awaitOverdue(Set.copyOf(ids));
        assertThat(detections).extracting(IncidentDetection::getDetectionId).doesNotHaveDuplicates();
        assertThat(detections.stream().filter(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .map(IncidentDetection::getIncidentId).toList()).containsExactlyInAnyOrderElementsOf(ids);
    }

    private static List<IncidentDetection> awaitOverdue(Set<String> ids) {
        // Read on for a while after the last one: a repeat would arrive after the first copy.
        return DetectionReader.read(ids, found -> overdueCount(found) >= ids.size(), Duration.ofSeconds(5));
    }

    private static long overdueCount(List<IncidentDetection> detections) {
        return detections.stream().filter(d -> d.getKind() == DetectionKind.UPDATE_OVERDUE)
                .map(IncidentDetection::getIncidentId).collect(Collectors.toSet()).size();
    }

    private static void publish(String id, Instant at, Instant deadline) {
        IncidentEvents.publish(IncidentEvents.event(id, 1, at, IncidentEvents.declared("Crash test", at, deadline)));
    }

    private static void awaitStatus(int port, String path, int status) {
        Await.until(path + " on port " + port + " answering " + status, Duration.ofSeconds(60),
                () -> RestAssured.given().port(port).get(path).statusCode(), answer -> answer == status);
    }

    private static ManagedProcess start(String name, int port) throws Exception {
        return ServiceProcess.start("timeline-projection-" + name, Path.of(System.getProperty("service.jar")), port,
                TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve(name),
                logs.resolve("projection-" + name + ".log"), "384m", "incidents.detection.scan-interval=200ms",
                TestStack.identitySetting(), Tokens.PEER_SECRET_SETTING);
    }
}
