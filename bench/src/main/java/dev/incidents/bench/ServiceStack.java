package dev.incidents.bench;

import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.NotifierKeys;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.testing.EmbeddedKafka;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for a benchmark: a one-broker cluster, Apicurio, Keycloak and the three packaged services (from
 * their app zips), each service on its own port with the heap given; the notifier may deliver to loopback.
 */
final class ServiceStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("incident-commands", "timeline-projection", "notifier-service");

    private final KafkaClusterTestKit kafka;
    private final RegistryServer registry;
    private final Path work;
    private final String heap;
    private final List<String> jvmOptions;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> settings = new LinkedHashMap<>();
    private Tokens tokens;

    private ServiceStack(KafkaClusterTestKit kafka, RegistryServer registry, Path work, String heap,
                         List<String> jvmOptions) {
        this.kafka = kafka;
        this.registry = registry;
        this.work = work;
        this.heap = heap;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Every service runs with {@code -Xmx<heap>} and the JVM options of {@code bench.jvm-options} (separated by
     * spaces, e.g. {@code -XX:+UseSerialGC}); a service named {@code <name>} also with the settings of
     * {@code bench.settings.<name>} (separated by spaces, e.g. {@code kafka-streams.commit.interval.ms=200}).
     *
     * @param extraSettings further settings per service name, e.g. a shorter commit interval
     */
    static ServiceStack start(String heap, Map<String, List<String>> extraSettings) throws Exception {
        Path work = Files.createTempDirectory("bench-stack");
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), null, work.resolve("registry.log"));
        String options = System.getProperty("bench.jvm-options", "").trim();
        ServiceStack stack = new ServiceStack(kafka, registry, work, heap,
                options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
        try {
            new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl()).provision(3, (short) 1);
            IdentityProvider keycloak = IdentityProvider.start(Path.of(System.getProperty("keycloak.home")),
                    ManagedProcess.freePort(), work.resolve("keycloak"), work.resolve("keycloak.log"));
            stack.started.add(keycloak);
            stack.tokens = keycloak.tokens();
            for (String name : SERVICES) {
                List<String> settings = new ArrayList<>(settingsOf(name, work));
                settings.add("quarkus.oidc.auth-server-url=" + keycloak.issuerUrl());
                // one instance per service, named as a deployment with stable names would: a restart keeps its place
                settings.add("incidents.kafka.instance-id=bench");
                settings.addAll(extraSettings.getOrDefault(name, List.of()));
                settings.addAll(benchSettingsOf(name));
                stack.settings.put(name, settings);
                stack.ports.put(name, ManagedProcess.freePort());
                stack.launch(name, List.of());
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Stops the service and starts it again on its data, with these JVM options besides its own (an AOT cache, say):
     * the time from launch until its readiness check answers UP.
     */
    Duration restart(String name, List<String> jvmOptions) throws Exception {
        ManagedProcess earlier = services.remove(name);
        earlier.close();
        started.remove(earlier);
        long launched = System.nanoTime();
        launch(name, jvmOptions);
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    private void launch(String name, List<String> extraJvmOptions) throws Exception {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(extraJvmOptions);
        ManagedProcess service = ServiceProcess.start(name, Path.of(System.getProperty(jarProperty(name))),
                ports.get(name), kafka.bootstrapServers(), registry.nativeApiUrl(), work.resolve(name),
                work.resolve(name + ".log"), heap, options, settings.get(name).toArray(String[]::new));
        started.add(service);
        services.put(name, service);
    }

    private static List<String> benchSettingsOf(String name) {
        String settings = System.getProperty("bench.settings." + name, "").trim();
        return settings.isEmpty() ? List.of() : List.of(settings.split("\\s+"));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** {@code Bearer <token>} for one of the realm's people (commander, viewer, notifier-admin, ...). */
    String authorization(String user) {
        return "Bearer " + tokens.of(user);
    }

    Map<String, ManagedProcess> services() {
        return services;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
        registry.close();
        kafka.close();
    }

    private static List<String> settingsOf(String service, Path work) throws Exception {
        return switch (service) {
            case "timeline-projection" -> List.of(Tokens.PEER_SECRET_SETTING);
            case "notifier-service" -> {
                List<String> settings = new ArrayList<>(NotifierKeys.settings(work));
                settings.add(ServiceProcess.LOOPBACK_DELIVERIES);
                yield settings;
            }
            default -> List.of();
        };
    }

    private static String jarProperty(String service) {
        return switch (service) {
            case "incident-commands" -> "service.jar";
            case "timeline-projection" -> "projection.jar";
            default -> "notifier.jar";
        };
    }
}
