package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio Registry 2.6 from its prebuilt app (unpacked from Maven Central by this module's build), on loopback.
 * In-memory H2 unless a file is given, which keeps schema ids stable across restarts of a stack that keeps data.
 */
public final class RegistryServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private RegistryServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RegistryServer start(Path apicurioHome, int port, Path h2File, Path log)
            throws IOException, InterruptedException {
        Path runner = apicurioHome.resolve("apicurio-registry-app-2.6.13.Final-runner.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("No Apicurio Registry at " + runner
                    + ": build the deploy module first (./mvnw -pl deploy package)");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN"));
        if (h2File != null) {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + h2File.toAbsolutePath());
        }
        command.addAll(List.of("-jar", runner.toString()));
        ManagedProcess process = ManagedProcess.start("apicurio-registry", command, apicurioHome, log);
        RegistryServer server = new RegistryServer(process, port);
        try {
            process.awaitReady(() -> ManagedProcess.answers200(server.baseUrl() + "/health/ready"),
                    Duration.ofSeconds(90));
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** For Apicurio serdes. */
    public String nativeApiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** For Confluent-compatible clients. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    @Override
    public void close() {
        process.close();
    }
}
