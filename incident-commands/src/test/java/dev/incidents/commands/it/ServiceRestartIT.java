package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.testing.Await;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service as a real process, killed without warning (SIGKILL) in the middle of a stream of commands
 * and started again under its stable instance name: no acknowledged command is lost, none is applied twice,
 * sequences stay gapless, and the new process took its predecessor's place in the group as the same static member.
 */
class ServiceRestartIT {

    static final int UPDATES = 60;
    static final int KILL_AFTER = 25;
    static final String INSTANCE = "restart-it";

    static Path stateDir;
    static int port;
    static String token;
    ManagedProcess service;

    @BeforeAll
    static void startKafkaAndRegistry() throws Exception {
        TestStack.start();
        stateDir = Files.createTempDirectory("restart-it");
        port = ManagedProcess.freePort();
        token = TestStack.tokens().of("commander");
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void a_crash_mid_run_loses_no_acknowledged_command_and_duplicates_none() throws Exception {
        service = startService();
        String incidentId = declare();
        Set<String> acknowledged = new LinkedHashSet<>();
        for (int i = 0; i < UPDATES; i++) {
            if (i == KILL_AFTER) {
                service.kill();
                service = startService();
                Response first = post(incidentId, "update-" + i);
                assertThat(first.statusCode()).as("ready means deciding: the first command after readiness is "
                        + "decided, not left pending (" + first.asString() + ")").isEqualTo(201);
                assertThat(deciderGroupMembers()).as("the stream thread's static name, held by the new process")
                        .containsExactly(Optional.of(INSTANCE + "-1"));
            }
            acknowledged.add(postUntilAcknowledged(incidentId, "update-" + i));
        }

        List<GenericRecord> events = awaitEvents(incidentId, UPDATES + 1);
        assertThat(events).extracting(e -> (Long) e.get("sequence"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, UPDATES + 1).boxed().toList());
        List<String> causes = events.stream().skip(1).map(e -> e.get("causingCommandId").toString()).toList();
        assertThat(causes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    /** Retries with the same idempotency key until the service has the command (201, or 202 while deciding). */
    private String postUntilAcknowledged(String incidentId, String key) {
        return Await.until("update " + key + " acknowledged", Duration.ofMinutes(2), () -> post(incidentId, key),
                response -> response.statusCode() == 201 || response.statusCode() == 202)
                .jsonPath().getString("commandId");
    }

    private static Response post(String incidentId, String key) {
        return RestAssured.given().auth().oauth2(token).port(port).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("status", "INVESTIGATING", "message", "Still on it: " + key))
                .post("/incidents/" + incidentId + "/updates");
    }

    private String declare() {
        return RestAssured.given().auth().oauth2(token).port(port).contentType(ContentType.JSON)
                .body(Map.of("title", "Restart test " + UUID.randomUUID(), "severity", "SEV1", "summary", "s"))
                .post("/incidents").then().statusCode(201).extract().jsonPath().getString("incidentId");
    }

    private List<GenericRecord> awaitEvents(String incidentId, int expected) throws Exception {
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());
        return Await.latest(Duration.ofMinutes(2), () -> TopicReader.readAll("incident-events",
                        r -> r.key().equals(incidentId)).stream().map(r -> decoder.decode(r.value())).toList(),
                events -> events.size() >= expected);
    }

    private static List<Optional<String>> deciderGroupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of("incident-commands")).all().get().get("incident-commands")
                    .members().stream().map(MemberDescription::groupInstanceId).toList();
        }
    }

    private static ManagedProcess startService() throws IOException, InterruptedException {
        return ServiceProcess.start("incident-commands", Path.of(System.getProperty("service.jar")), port,
                TestStack.bootstrapServers(), TestStack.nativeApiUrl(), stateDir,
                Files.createDirectories(Path.of("target", "it-logs")).resolve("restart-it-service.log"), "384m",
                TestStack.identitySetting(), "incidents.kafka.instance-id=" + INSTANCE);
    }
}
