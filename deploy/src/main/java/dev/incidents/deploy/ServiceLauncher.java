package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The services the local stack starts, each from its built jar. */
record ServiceLauncher(String name, Path jar, int port, StackSettings settings) {

    static List<ServiceLauncher> all(StackSettings settings) {
        return List.of(
                new ServiceLauncher("incident-commands",
                        settings.repoRoot().resolve("incident-commands/target/quarkus-app/quarkus-run.jar"),
                        settings.commandsPort(), settings),
                new ServiceLauncher("timeline-projection",
                        settings.repoRoot().resolve("timeline-projection/target/quarkus-app/quarkus-run.jar"),
                        settings.projectionPort(), settings),
                new ServiceLauncher("notifier-service",
                        settings.repoRoot().resolve("notifier-service/target/quarkus-app/quarkus-run.jar"),
                        settings.notifierPort(), settings));
    }

    /** @param issuerUrl the identity provider whose tokens the service trusts */
    LocalStack.Part start(String bootstrapServers, String registryUrl, String issuerUrl)
            throws IOException, InterruptedException {
        ManagedProcess process = ServiceProcess.start(name, jar, port, bootstrapServers, registryUrl,
                settings.dataDir().resolve(name), settings.logs().resolve(name + ".log"), "512m",
                "quarkus.oidc.auth-server-url=" + issuerUrl);
        return new LocalStack.Part(name, process::isAlive, process);
    }

    String describe() {
        String url = "http://127.0.0.1:" + port;
        return String.format("%-17s %s  (OpenAPI: %s/q/openapi, health: %s/q/health)", name, url, url, url);
    }
}
