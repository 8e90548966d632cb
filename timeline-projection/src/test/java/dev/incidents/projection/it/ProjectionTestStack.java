package dev.incidents.projection.it;

import dev.incidents.deploy.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.util.Map;

/** Points the projection under test at the JVM's shared real broker and registry, with a fast deadline scan. */
public class ProjectionTestStack implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            TestStack.start();
            int port = TestStack.freePort();
            return Map.of(
                    "quarkus.http.test-port", String.valueOf(port),
                    "quarkus.kafka-streams.application-server", "127.0.0.1:" + port,
                    "kafka.bootstrap.servers", TestStack.bootstrapServers(),
                    "quarkus.kafka-streams.bootstrap-servers", TestStack.bootstrapServers(),
                    "incidents.registry.url", TestStack.nativeApiUrl(),
                    "incidents.detection.scan-interval", "200ms",
                    "kafka-streams.state.dir", Files.createTempDirectory("projection-streams").toString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Kafka and the registry for tests", e);
        }
    }

    /** Called once, when Quarkus stops the application after the last test that uses this resource. */
    @Override
    public void stop() {
        try {
            TestStack.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka cluster or registry did not close cleanly", e);
        }
    }
}
