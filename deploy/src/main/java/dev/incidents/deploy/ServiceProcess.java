package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One of the project's Quarkus services started from its built jar, pointed at a broker and a registry. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * The notifier setting that lets deliveries reach receivers on this machine: the local stack, the tests and the
     * benchmarks run theirs on loopback, which the notifier refuses by default.
     */
    public static final String LOOPBACK_DELIVERIES = "incidents.delivery.allowed-networks=127.0.0.0/8,::1/128";

    /**
     * Started and ready (its readiness check answers 200).
     *
     * @param settings extra configuration as {@code key=value}, passed as system properties
     */
    public static ManagedProcess start(String name, Path jar, int port, String bootstrapServers, String registryUrl,
                                       Path stateDir, Path log, String maxHeap, String... settings)
            throws IOException, InterruptedException {
        return start(Host.LOOPBACK, name, jar, port, bootstrapServers, registryUrl, stateDir, log, maxHeap, settings);
    }

    /** As {@link #start(String, Path, int, String, String, Path, Path, String, String...)}, with JVM options. */
    public static ManagedProcess start(String name, Path jar, int port, String bootstrapServers, String registryUrl,
                                       Path stateDir, Path log, String maxHeap, List<String> jvmOptions,
                                       String... settings) throws IOException, InterruptedException {
        return start(Host.LOOPBACK, name, jar, port, bootstrapServers, registryUrl, stateDir, log, maxHeap,
                jvmOptions, settings);
    }

    /** As {@link #start(String, Path, int, String, String, Path, Path, String, String...)}, bound on {@code host}. */
    public static ManagedProcess start(Host host, String name, Path jar, int port, String bootstrapServers,
                                       String registryUrl, Path stateDir, Path log, String maxHeap,
                                       String... settings) throws IOException, InterruptedException {
        return start(host, name, jar, port, bootstrapServers, registryUrl, stateDir, log, maxHeap, List.of(),
                settings);
    }

    private static ManagedProcess start(Host host, String name, Path jar, int port, String bootstrapServers,
                                        String registryUrl, Path stateDir, Path log, String maxHeap,
                                        List<String> jvmOptions, String... settings)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build first (./mvnw install -DskipTests)");
        }
        Files.createDirectories(stateDir);
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx" + maxHeap,
                "-Dquarkus.http.host=" + host.address(),
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dincidents.registry.url=" + registryUrl,
                "-Dkafka-streams.state.dir=" + stateDir.resolve("kafka-streams").toAbsolutePath()));
        command.addAll(jvmOptions);
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ManagedProcess process = ManagedProcess.start(name, host.run(command), stateDir, log);
        try {
            process.awaitReady(() -> ManagedProcess.answers200(host.url(port) + "/q/health/ready"),
                    Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return process;
    }
}
