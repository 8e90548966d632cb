package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its data and which loopback ports it uses. Each can be changed with an environment
 * variable; the defaults are documented in the README.
 */
public record StackSettings(Path repoRoot, Path dataDir, int kafkaPort, int controllerPort, int registryPort,
                     int identityProviderPort, int commandsPort, int projectionPort, int notifierPort,
                     int smtpPort, int partitions) {

    static StackSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("INCIDENTS_REPO_ROOT", ".")).toAbsolutePath().normalize();
        return new StackSettings(root,
                Path.of(env.getOrDefault("INCIDENTS_DATA_DIR", root.resolve(".local-stack").toString())),
                port(env, "INCIDENTS_KAFKA_PORT", 9092),
                port(env, "INCIDENTS_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "INCIDENTS_REGISTRY_PORT", 8081),
                port(env, "INCIDENTS_IDP_PORT", 8180),
                port(env, "INCIDENTS_COMMANDS_PORT", 8080),
                port(env, "INCIDENTS_PROJECTION_PORT", 8082),
                port(env, "INCIDENTS_NOTIFIER_PORT", 8083),
                port(env, "INCIDENTS_SMTP_PORT", 2525),
                port(env, "INCIDENTS_PARTITIONS", 3));
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    Path apicurioHome() {
        return apicurioHome(repoRoot);
    }

    Path keycloakHome() throws IOException {
        return keycloakHome(repoRoot);
    }

    /** The Apicurio Registry app this module's build unpacked. */
    public static Path apicurioHome(Path repoRoot) {
        return repoRoot.resolve("deploy/target/apicurio");
    }

    /** The Keycloak distribution this module's build unpacked (target/keycloak/keycloak-VERSION). */
    public static Path keycloakHome(Path repoRoot) throws IOException {
        Path unpacked = repoRoot.resolve("deploy/target/keycloak");
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("No Keycloak under " + unpacked
                    + ": build first (./mvnw package -DskipTests)");
        }
        try (Stream<Path> homes = Files.list(unpacked)) {
            return homes.filter(home -> home.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No keycloak-* folder in " + unpacked));
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
