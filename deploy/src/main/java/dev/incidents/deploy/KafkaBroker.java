package dev.incidents.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker ({@code kafka.Kafka}, KRaft combined broker and controller) as its own process on loopback,
 * its data in one folder, formatted on first start only so restarts keep every record. Open (PLAINTEXT) for the
 * local stack, or secured as a production cluster is: SCRAM-SHA-512 over TLS for clients and between brokers, the
 * controller listener on TLS too, and KRaft's StandardAuthorizer allowing nothing without an ACL.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The principal that administers a secured broker (a super user); the broker signs in to itself as it. */
    public static final String ADMIN = "admin";

    private final ManagedProcess process;
    private final int port;
    private final Optional<ScramOverTls> security;
    private final Map<String, Object> adminSettings;

    private KafkaBroker(ManagedProcess process, int port, Optional<ScramOverTls> security, String adminPassword) {
        this.process = process;
        this.port = port;
        this.security = security;
        this.adminSettings = security.isPresent() ? clientSettings(ADMIN, adminPassword)
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** An open broker: PLAINTEXT, no sign-in, no authorizer. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log)
            throws IOException, InterruptedException {
        return start(dataDir, serverProperties(dataDir.resolve("log"), port, controllerPort, "PLAINTEXT"), List.of(),
                port, Optional.empty(), "", log);
    }

    /**
     * A secured broker on free loopback ports, with a new certificate authority in {@code dir/tls} and its data in
     * {@code dir/kafka}.
     */
    public static KafkaBroker startSecured(Path dir, Path log, String adminPassword)
            throws IOException, InterruptedException {
        CertificateAuthority authority = CertificateAuthority.create(dir.resolve("tls"),
                "store-" + UUID.randomUUID());
        return startSecured(dir.resolve("kafka"), ManagedProcess.freePort(), ManagedProcess.freePort(), log,
                authority, adminPassword);
    }

    /**
     * A secured broker: its certificate issued by {@code authority}, the {@link #ADMIN} user's SCRAM credential
     * written at format time (as {@code kafka-storage format --add-scram} does); every other user and every ACL is
     * the administrator's to add.
     */
    public static KafkaBroker startSecured(Path dataDir, int port, int controllerPort, Path log,
                                           CertificateAuthority authority, String adminPassword)
            throws IOException, InterruptedException {
        Path keystore = authority.issue("kafka-" + port, List.of("127.0.0.1"));
        String properties = serverProperties(dataDir.resolve("log"), port, controllerPort, "SASL_SSL")
                + securedProperties(keystore, authority, adminPassword);
        return start(dataDir, properties, List.of("--add-scram",
                        ScramOverTls.MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"), port,
                Optional.of(new ScramOverTls(authority.truststore(), authority.password())), adminPassword, log);
    }

    private static KafkaBroker start(Path dataDir, String properties, List<String> formatArguments, int port,
                                     Optional<ScramOverTls> security, String adminPassword, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties);
        Path log4j = dataDir.resolve("log4j2.properties");
        Files.writeString(log4j, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\n"
                + "appender.out.type=Console\nappender.out.name=out\nappender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d %p [%c] %m%n\n");
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(config, formatArguments, dataDir, log);
        }
        ManagedProcess process = ManagedProcess.start("kafka", List.of(ManagedProcess.javaExecutable(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-cp", classpath(), "kafka.Kafka",
                config.toAbsolutePath().toString()), dataDir, log);
        KafkaBroker broker = new KafkaBroker(process, port, security, adminPassword);
        try {
            process.awaitReady(broker::answers, Duration.ofSeconds(60));
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** An admin client's settings: where the broker is and, when secured, how the {@link #ADMIN} signs in. */
    public Map<String, Object> adminSettings() {
        return adminSettings;
    }

    /** How clients sign in to this broker; empty when it is open. */
    public Optional<ScramOverTls> security() {
        return security;
    }

    /** The settings of a client signing in to this secured broker as {@code user}, bootstrap servers included. */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>(security.orElseThrow(() -> new IllegalStateException(
                "The broker at " + bootstrapServers() + " is open: nobody signs in")).clientSettings(user, password));
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Map.copyOf(settings);
    }

    private boolean answers() {
        Map<String, Object> settings = new HashMap<>(adminSettings);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500);
        try (Admin admin = Admin.create(settings)) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Path config, List<String> arguments, Path dataDir, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toAbsolutePath().toString()));
        command.addAll(arguments);
        Process format = new ProcessBuilder(command)
                .directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
        }
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    /** @param protocol the security protocol of every listener: PLAINTEXT, or SASL_SSL on a secured broker */
    static String serverProperties(Path logDir, int port, int controllerPort, String protocol) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + protocol + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + protocol + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + protocol,
                "listener.security.protocol.map=" + protocol + ":" + protocol + ",CONTROLLER:" + protocol,
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // A restart on existing data would otherwise wait ~13 s for the old registration to expire (dev only).
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=2000",
                "");
    }

    private static String securedProperties(Path keystore, CertificateAuthority authority, String adminPassword) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        return String.join("\n",
                "sasl.enabled.mechanisms=" + ScramOverTls.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + ScramOverTls.MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + ScramOverTls.jaas(ADMIN, adminPassword),
                // SCRAM credentials live in the metadata the controllers serve, so controllers sign in with PLAIN.
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plain,
                "ssl.keystore.location=" + keystore.toAbsolutePath(),
                "ssl.keystore.password=" + authority.password(),
                "ssl.keystore.type=PKCS12",
                "ssl.truststore.location=" + authority.truststore().toAbsolutePath(),
                "ssl.truststore.password=" + authority.password(),
                "ssl.truststore.type=PKCS12",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + ADMIN,
                "");
    }

    @Override
    public void close() {
        process.close();
    }
}
