package dev.incidents.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its distribution (unpacked from Maven Central by the build), on loopback, with the
 * {@value #REALM} realm imported from this module's {@code keycloak/incidents-realm.json} on its first start: the
 * OpenID Connect provider of the local stack and the tests. Its H2 database lives in the data folder given, so
 * users, sessions and keys survive a restart of a stack that keeps its data, until the realm file changes: then the
 * database starts afresh from the new file (Keycloak's import skips a realm it has).
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String REALM = "incidents";
    /** The bootstrap administrator of a local Keycloak (local stack and tests only). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-local";
    /** The public client the ops dashboard signs people in with. */
    public static final String DASHBOARD_CLIENT = "incidents-dashboard";
    private static final String REALM_FILE = "keycloak/incidents-realm.json";
    /** Beside the database: the SHA-256 of the realm file it was imported from. */
    private static final String IMPORTED_REALM_HASH = "imported-realm.sha256";
    private static final Duration START_PATIENCE = Duration.ofSeconds(180);

    private final ManagedProcess process;
    private final Host host;
    private final int port;

    private IdentityProvider(ManagedProcess process, Host host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    public static IdentityProvider start(Path keycloakHome, int port, Path dataDir, Path log)
            throws IOException, InterruptedException {
        return start(Host.LOOPBACK, keycloakHome, port, dataDir, log);
    }

    /** Keycloak on {@code host}: tokens name the address it is reached at as their issuer. */
    public static IdentityProvider start(Host host, Path keycloakHome, int port, Path dataDir, Path log)
            throws IOException, InterruptedException {
        return start(host, keycloakHome, realmFile(), Map.of(), port, dataDir, log);
    }

    /**
     * Keycloak on loopback importing {@code realm} instead of the local one, with {@code environment} for the
     * placeholders ({@code ${VARIABLE}}) the realm file holds.
     */
    public static IdentityProvider startWithRealm(Path keycloakHome, byte[] realm, Map<String, String> environment,
                                                  int port, Path dataDir, Path log)
            throws IOException, InterruptedException {
        return start(Host.LOOPBACK, keycloakHome, realm, environment, port, dataDir, log);
    }

    private static IdentityProvider start(Host host, Path keycloakHome, byte[] realm, Map<String, String> placeholders,
                                          int port, Path dataDir, Path log) throws IOException, InterruptedException {
        Path launcher = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No Keycloak at " + keycloakHome
                    + ": build the module that starts it first (./mvnw package -DskipTests)");
        }
        Files.createDirectories(dataDir);
        forgetOutdatedRealm(dataDir, realm);
        Files.createDirectories(keycloakHome.resolve("data/import"));
        Files.write(keycloakHome.resolve("data/import/incidents-realm.json"), realm);
        List<String> command = List.of(launcher.toString(), "start-dev",
                "--http-host=" + host.address(), "--http-port=" + port,
                "--db=dev-file", "--db-url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keycloak")
                        + ";NON_KEYWORDS=VALUE",
                "--import-realm", "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO");
        Map<String, String> environment = new HashMap<>(placeholders);
        environment.putAll(Map.of(
                // Keycloak needs Java 21+: the one this JVM runs on (the scripts pick it).
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        ManagedProcess process = ManagedProcess.start("keycloak", host.run(command), environment, keycloakHome, log);
        IdentityProvider provider = new IdentityProvider(process, host, port);
        try {
            process.awaitReady(() -> ManagedProcess.answers200(provider.discoveryUrl()), START_PATIENCE);
            Files.writeString(dataDir.resolve(IMPORTED_REALM_HASH), sha256(realm));
        } catch (RuntimeException | InterruptedException | IOException e) {
            process.close();
            throw e;
        }
        return provider;
    }

    /** The local realm, as the local stack and the tests import it. */
    static byte[] realmFile() throws IOException {
        try (InputStream realm = IdentityProvider.class.getClassLoader().getResourceAsStream(REALM_FILE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_FILE + " is not on the classpath");
            }
            return realm.readAllBytes();
        }
    }

    /** Deletes the database of a realm imported from another version of the realm file. */
    static void forgetOutdatedRealm(Path dataDir, byte[] realm) throws IOException {
        Path imported = dataDir.resolve(IMPORTED_REALM_HASH);
        if (Files.exists(imported) && !Files.readString(imported).equals(sha256(realm))) {
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("keycloak.")).toList()) {
                    Files.delete(file);
                }
            }
            System.out.println("[identity-provider] " + REALM_FILE + " changed: the realm is imported afresh "
                    + "(local users' sessions end)");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    public String baseUrl() {
        return host.url(port);
    }

    /** The issuer the services trust: tokens name it in {@code iss}. */
    public String issuerUrl() {
        return issuerUrl(host, port);
    }

    /** The issuer of a provider that {@link #start}s on this host and port, known before it is up. */
    public static String issuerUrl(Host host, int port) {
        return host.url(port) + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    /** Tokens of the realm's people and machines (local passwords and secrets). */
    public Tokens tokens() {
        return new Tokens(tokenUrl());
    }

    /**
     * Lets pages served from {@code origin} (such as {@code http://127.0.0.1:8082}) call the token endpoint for the
     * dashboard client: browsers need the provider's CORS answer for that.
     */
    public void allowDashboardOrigin(String origin) {
        new RealmAdmin(baseUrl(), REALM).allowWebOrigin(DASHBOARD_CLIENT, origin);
    }

    private String discoveryUrl() {
        return issuerUrl() + "/.well-known/openid-configuration";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
