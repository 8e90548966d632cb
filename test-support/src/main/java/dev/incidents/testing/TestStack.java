package dev.incidents.testing;

import dev.incidents.deploy.Background;
import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.Tokens;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A real broker (in this JVM), a real Apicurio Registry and a real Keycloak with the local realm (processes),
 * provisioned like production, started once per JVM and shared by every test of it, closed when the test session
 * ends (or by the Quarkus test resources). Needs {@code apicurio.home}, {@code keycloak.home} and
 * {@code kafka-test-common-runtime}.
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
    private static IdentityProvider keycloak;

    private TestStack() {
    }

    public static synchronized void start() {
        if (cluster != null) {
            return;
        }
        try {
            startBrokerRegistryAndKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Kafka, the registry and Keycloak for tests", e);
        }
    }

    private static void startBrokerRegistryAndKeycloak() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        // Keycloak takes longest: it starts beside the broker and the registry.
        CompletableFuture<IdentityProvider> identityProvider = Background.start(() -> IdentityProvider.start(
                Path.of(System.getProperty("keycloak.home")), ManagedProcess.freePort(),
                Files.createTempDirectory("test-keycloak"), logs.resolve("keycloak.log"))).thenApply(started -> {
                    // Fallback: never leave the Keycloak process behind either.
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-keycloak"));
                    return started;
                });
        cluster = EmbeddedKafka.startOneBroker();
        registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), ManagedProcess.freePort(), null,
                logs.resolve("apicurio-registry.log"));
        // Fallback: never leave the registry process behind, whoever (or nothing) calls stop().
        RegistryServer started = registry;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-registry"));
        new Provisioner(cluster.bootstrapServers(), registry.confluentApiUrl()).provision(2, (short) 1);
        keycloak = Background.await(identityProvider);
    }

    /** Closes what {@link #start} started, once; called when the test session ends ({@link TestStackCloser}). */
    public static synchronized void stop() {
        if (cluster == null) {
            return;
        }
        try {
            registry.close();
            if (keycloak != null) {
                keycloak.close();
            }
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

    /** Tokens of the local realm's people and machines, from the test Keycloak. */
    public static Tokens tokens() {
        return keycloak.tokens();
    }

    public static String issuerUrl() {
        return keycloak.issuerUrl();
    }

    /** Where machines of the local realm get tokens (client credentials). */
    public static String tokenUrl() {
        return keycloak.tokenUrl();
    }

    /** Lets the dashboard served at {@code origin} sign people in at the test Keycloak (its CORS answers). */
    public static void allowDashboardOrigin(String origin) {
        keycloak.allowDashboardOrigin(origin);
    }

    /** The setting that points a packaged service at the test Keycloak, for {@code ServiceProcess.start}. */
    public static String identitySetting() {
        return "quarkus.oidc.auth-server-url=" + issuerUrl();
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
                "quarkus.oidc.auth-server-url", issuerUrl(),
                "kafka-streams.state.dir", Files.createTempDirectory(stateDirPrefix).toString());
    }
}
