package dev.incidents.deploy;

import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real broker (in this JVM) and a real Apicurio Registry (a process), provisioned like production, started once
 * per JVM and shared by every test of it, closed when the test session ends (or by Quarkus test resources). Needs {@code apicurio.home} and
 * {@code kafka-test-common-runtime}.
 */
public final class TestStack {

    private static KafkaClusterTestKit cluster;
    private static RegistryServer registry;

    private TestStack() {
    }

    public static synchronized void start() throws Exception {
        if (cluster != null) {
            return;
        }
        cluster = EmbeddedKafka.startOneBroker();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), freePort(), null,
                logs.resolve("apicurio-registry.log"));
        // Fallback: never leave the registry process behind, whoever (or nothing) calls stop().
        RegistryServer started = registry;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-registry"));
        new Provisioner(cluster.bootstrapServers(), registry.confluentApiUrl()).provision(2, (short) 1);
    }

    /** Closes what {@link #start} started, once; called when the test session ends ({@link TestStackCloser}). */
    public static synchronized void stop() throws Exception {
        if (cluster == null) {
            return;
        }
        try {
            registry.close();
        } finally {
            KafkaClusterTestKit closing = cluster;
            cluster = null;
            closing.close();
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
