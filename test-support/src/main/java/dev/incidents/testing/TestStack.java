package dev.incidents.testing;

import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real broker (in this JVM) and a real Apicurio Registry (a process), provisioned like production, started once
 * per JVM and shared by every test of it, closed when the test session ends (or by the Quarkus test resources).
 * Needs {@code apicurio.home} and {@code kafka-test-common-runtime}.
 */
public final class TestStack {

    /**
     * A SASL setting every service under test gets once, under {@code kafka.}: the plaintext test broker ignores it,
     * and tests find it in the configuration of every client, Kafka Streams' own included.
     */
    public static final Map.Entry<String, String> SHARED_SECURITY_SETTING = Map.entry("sasl.mechanism",
            "SCRAM-SHA-512");

    private static KafkaClusterTestKit cluster;
    private static RegistryServer registry;

    private TestStack() {
    }

    public static synchronized void start() {
        if (cluster != null) {
            return;
        }
        try {
            startBrokerAndRegistry();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Kafka and the registry for tests", e);
        }
    }

    private static void startBrokerAndRegistry() throws Exception {
        cluster = EmbeddedKafka.startOneBroker();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), ManagedProcess.freePort(), null,
                logs.resolve("apicurio-registry.log"));
        // Fallback: never leave the registry process behind, whoever (or nothing) calls stop().
        RegistryServer started = registry;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-registry"));
        new Provisioner(cluster.bootstrapServers(), registry.confluentApiUrl()).provision(2, (short) 1);
    }

    /** Closes what {@link #start} started, once; called when the test session ends ({@link TestStackCloser}). */
    public static synchronized void stop() {
        if (cluster == null) {
            return;
        }
        try {
            registry.close();
        } finally {
            KafkaClusterTestKit closing = cluster;
            cluster = null;
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException("The test Kafka cluster did not close cleanly", e);
            }
        }
    }

    public static String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public static String confluentApiUrl() {
        return registry.confluentApiUrl();
    }

    public static String nativeApiUrl() {
        return registry.nativeApiUrl();
    }

    /**
     * What a service under test needs to reach the stack, with its Kafka Streams state in a fresh folder, and the
     * {@link #SHARED_SECURITY_SETTING}.
     */
    public static Map<String, String> serviceConfig(String stateDirPrefix) throws IOException {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "kafka." + SHARED_SECURITY_SETTING.getKey(), SHARED_SECURITY_SETTING.getValue(),
                "quarkus.kafka-streams.bootstrap-servers", bootstrapServers(),
                "incidents.registry.url", nativeApiUrl(),
                "kafka-streams.state.dir", Files.createTempDirectory(stateDirPrefix).toString());
    }
}
