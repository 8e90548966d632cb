package dev.incidents.deploy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio Registry 2.6 from its prebuilt app (unpacked from Maven Central by this module's build), on loopback.
 * In-memory H2 unless a file is given, which keeps schema ids stable across restarts of a stack that keeps data.
 * Open over HTTP for the local stack, or secured: HTTPS only, and every API call needs a bearer token from the
 * identity provider carrying the registry's audience.
 */
public final class RegistryServer implements AutoCloseable {

    /** The audience a token must carry for the secured registry to take it. */
    public static final String AUDIENCE = "schema-registry";

    private final ManagedProcess process;
    private final String baseUrl;

    private RegistryServer(ManagedProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** An open registry: HTTP, no sign-in. */
    public static RegistryServer start(Path apicurioHome, int port, Path h2File, Path log)
            throws IOException, InterruptedException {
        return start(Host.LOOPBACK, apicurioHome, port, h2File, log);
    }

    /** An open registry on {@code host}. */
    public static RegistryServer start(Host host, Path apicurioHome, int port, Path h2File, Path log)
            throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>(List.of("-Dquarkus.http.port=" + port));
        if (h2File != null) {
            settings.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + h2File.toAbsolutePath());
        }
        return start(host, apicurioHome, settings, host.url(port), HttpClient.newHttpClient(), log);
    }

    /**
     * A secured registry: HTTPS only, with a certificate issued by {@code authority}, and OIDC bearer tokens of
     * {@code issuerUrl} required on every API call (Apicurio's {@code registry.auth.enabled}), what each caller may do
     * set by its token's role; in-memory storage.
     */
    public static RegistryServer startSecured(Path apicurioHome, int port, Path log, CertificateAuthority authority,
                                              String issuerUrl) throws IOException, InterruptedException {
        Path keystore = authority.issue("registry-" + port, List.of("127.0.0.1"));
        return start(Host.LOOPBACK, apicurioHome, List.of("-Dquarkus.http.ssl-port=" + port,
                        "-Dquarkus.http.port=" + ManagedProcess.freePort(),
                        "-Dquarkus.http.insecure-requests=disabled",
                        "-Dquarkus.http.ssl.certificate.key-store-file=" + keystore.toAbsolutePath(),
                        "-Dquarkus.http.ssl.certificate.key-store-password=" + authority.password(),
                        "-Dquarkus.http.ssl.certificate.key-store-file-type=PKCS12",
                        "-Dregistry.auth.enabled=true",
                        // roles from the token: sr-readonly reads, sr-developer registers, sr-admin administers
                        "-Dregistry.auth.role-based-authorization=true",
                        "-Dquarkus.oidc.auth-server-url=" + issuerUrl,
                        "-Dquarkus.oidc.token.audience=" + AUDIENCE),
                "https://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .sslContext(authority.sslContext()).build(),
                log);
    }

    private static RegistryServer start(Host host, Path apicurioHome, List<String> settings, String baseUrl,
                                        HttpClient http, Path log) throws IOException, InterruptedException {
        Path runner = apicurioHome.resolve("apicurio-registry-app-2.6.13.Final-runner.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("No Apicurio Registry at " + runner
                    + ": build the deploy module first (./mvnw -pl deploy package)");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + host.address(), "-Dquarkus.log.level=WARN"));
        command.addAll(settings);
        command.addAll(List.of("-jar", runner.toString()));
        ManagedProcess process = ManagedProcess.start("apicurio-registry", host.run(command), apicurioHome, log);
        RegistryServer server = new RegistryServer(process, baseUrl);
        try {
            process.awaitReady(() -> ManagedProcess.answers200(http, server.baseUrl() + "/health/ready"),
                    Duration.ofSeconds(90));
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return server;
    }

    public String baseUrl() {
        return baseUrl;
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
