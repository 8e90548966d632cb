package dev.incidents.commands.it;

import dev.incidents.deploy.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.util.Map;

/** Points the service under test at the JVM's shared real broker and registry ({@link TestStack}). */
public class RealKafkaAndRegistry implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            TestStack.start();
            return Map.of(
                    "kafka.bootstrap.servers", TestStack.bootstrapServers(),
                    "quarkus.kafka-streams.bootstrap-servers", TestStack.bootstrapServers(),
                    "incidents.registry.url", TestStack.nativeApiUrl(),
                    "kafka-streams.state.dir", Files.createTempDirectory("incident-commands-streams").toString());
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

    public static String bootstrapServers() {
        return TestStack.bootstrapServers();
    }

    public static String confluentApiUrl() {
        return TestStack.confluentApiUrl();
    }

    public static String nativeApiUrl() {
        return TestStack.nativeApiUrl();
    }
}
