package dev.incidents.commands.it;

import dev.incidents.deploy.EmbeddedKafka;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real one-broker KRaft cluster (Kafka's own test kit) and a real Apicurio Registry process, provisioned like
 * production (topics, subjects, compatibility), for tests of the running service. Started once per JVM.
 */
public class RealKafkaAndRegistry implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;
    private static RegistryServer registry;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (cluster == null) {
                cluster = EmbeddedKafka.startOneBroker();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> registry.close(), "close-test-registry"));
                Path logs = Files.createDirectories(Path.of("target", "it-logs"));
                registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), freePort(), null,
                        logs.resolve("apicurio-registry.log"));
                new Provisioner(bootstrapServers(), registry.confluentApiUrl()).provision(2, (short) 1);
            }
            return Map.of(
                    "kafka.bootstrap.servers", bootstrapServers(),
                    "quarkus.kafka-streams.bootstrap-servers", bootstrapServers(),
                    "incidents.registry.url", registry.nativeApiUrl(),
                    "kafka-streams.state.dir", Files.createTempDirectory("incident-commands-streams").toString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Kafka and the registry for tests", e);
        }
    }

    @Override
    public synchronized void stop() {
        // Shared by every test class of this JVM; closed once at exit (KafkaClusterTestKit.close is not idempotent).
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
