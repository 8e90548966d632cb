package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts one of the project's Quarkus services from its built jar, pointed at the stack's broker and registry. */
record ServiceLauncher(String name, Path jar, int port, StackSettings settings) {

    static List<ServiceLauncher> all(StackSettings settings) {
        return List.of(new ServiceLauncher("incident-commands",
                settings.repoRoot().resolve("incident-commands/target/quarkus-app/quarkus-run.jar"),
                settings.commandsPort(), settings));
    }

    LocalStack.Supervised start(String bootstrapServers, String registryUrl)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build first (./mvnw install -DskipTests)");
        }
        Path state = Files.createDirectories(settings.dataDir().resolve(name));
        ManagedProcess process = ManagedProcess.start(name, List.of(ManagedProcess.javaExecutable(), "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dincidents.registry.url=" + registryUrl,
                "-Dkafka-streams.state.dir=" + state.resolve("kafka-streams").toAbsolutePath(),
                // Streams members do not leave the group on close; a short session lets a restart rebalance fast.
                "-Dkafka-streams.consumer.session.timeout.ms=6000",
                "-Dkafka-streams.consumer.heartbeat.interval.ms=1500",
                "-jar", jar.toAbsolutePath().toString()), state, settings.logs().resolve(name + ".log"));
        try {
            process.awaitReady(() -> ManagedProcess.answers200(url() + "/q/health/ready"),
                    LocalStack.readinessTimeout());
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return new LocalStack.Supervised() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public void close() {
                process.close();
            }
        };
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String describe() {
        return String.format("%-17s %s  (OpenAPI: %s/q/openapi, health: %s/q/health)", name, url(), url(), url());
    }
}
