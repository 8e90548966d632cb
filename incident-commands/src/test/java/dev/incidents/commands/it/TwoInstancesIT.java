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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged service sharing one consumer group: concurrent declares with one dedup key, sent to
 * both, create one incident. Instance B waits only 1 ms for decisions, so its answers are 202 with a Location that
 * either instance resolves.
 */
class TwoInstancesIT {

    static final AtomicInteger POLLED = new AtomicInteger();
    static ManagedProcess a;
    static ManagedProcess b;
    static int portA;
    static int portB;
    static String token;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestStack.start();
        Path state = Files.createTempDirectory("two-instances-it");
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path jar = Path.of(System.getProperty("service.jar"));
        portA = ManagedProcess.freePort();
        portB = ManagedProcess.freePort();
        a = ServiceProcess.start("incident-commands-a", jar, portA, TestStack.bootstrapServers(),
                TestStack.nativeApiUrl(), state.resolve("a"), logs.resolve("instance-a.log"), "384m",
                TestStack.identitySetting());
        b = ServiceProcess.start("incident-commands-b", jar, portB, TestStack.bootstrapServers(),
                TestStack.nativeApiUrl(), state.resolve("b"), logs.resolve("instance-b.log"), "384m",
                TestStack.identitySetting(), "incidents.command-timeout=1ms");
        token = TestStack.tokens().of("commander");
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void concurrent_declares_on_two_instances_with_one_dedup_key_make_one_incident() throws Exception {
        String dedupKey = "monitor:" + UUID.randomUUID();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int port = i % 2 == 0 ? portA : portB;
            calls.add(() -> decidedIncidentId(port, dedupKey));
        }
        List<String> incidentIds = runAll(calls);

        assertThat(incidentIds).hasSize(40).containsOnly(incidentIds.get(0));
        assertThat(POLLED.get()).as("answers that were 202 and polled on the other instance").isPositive();
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());
        List<GenericRecord> declared = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events")) {
            GenericRecord payload = (GenericRecord) decoder.decode(record.value()).get("payload");
            if (payload.getSchema().getName().equals("IncidentDeclared")
                    && dedupKey.equals(String.valueOf(payload.get("dedupKey")))) {
                declared.add(payload);
            }
        }
        assertThat(declared).hasSize(1);
    }

    /** Declares, and when the answer is 202 polls its Location on the other instance until decided. */
    private static String decidedIncidentId(int port, String dedupKey) throws InterruptedException {
        Response response = RestAssured.given().auth().oauth2(token).port(port).contentType(ContentType.JSON)
                .body(Map.of("title", "Latency", "severity", "SEV2", "summary", "Slow", "dedupKey", dedupKey))
                .post("/incidents");
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return response.jsonPath().getString("incidentId");
        }
        assertThat(response.statusCode()).isEqualTo(202);
        POLLED.incrementAndGet();
        String location = java.net.URI.create(response.header("Location")).getPath();
        assertThat(location).startsWith("/commands/");
        int other = port == portA ? portB : portA;
        return Await.until("a decision for " + location, Duration.ofSeconds(30),
                () -> RestAssured.given().auth().oauth2(token).port(other).get(location),
                poll -> poll.statusCode() == 200 && !"PENDING".equals(poll.jsonPath().getString("outcome")))
                .jsonPath().getString("incidentId");
    }

    private static <T> List<T> runAll(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

}
