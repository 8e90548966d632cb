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
 * controller listener on TLS too, and KRaft's StandardAuthorizer allowing nothing without an ACL. It serves the local
 * stack, the cluster and the tests, whose load is light: it runs with the client compiler only, which starts it
 * sooner on two cores (the benchmarks' broker runs in their own process).
 */
public final class KafkaBroker implements AutoCloseable {

    /** The principal that administers a secured broker (a super user); the broker signs in to itself as it. */
    public static final String ADMIN = "admin";

    private final ManagedProcess process;
    private final Host host;
    private final int port;
    private final Optional<ScramOverTls> security;
    private final Map<String, Object> adminSettings;

    private KafkaBroker(ManagedProcess process, Host host, int port, Optional<ScramOverTls> security,
                        String adminPassword) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.security = security;
        this.adminSettings = security.isPresent() ? clientSettings(ADMIN, adminPassword)
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /**
     * One node of a KRaft cluster in which every node is both broker and controller.
     *
     * @param id the node id, unique in the cluster
     */
    public record Node(int id, Host host, int port, int controllerPort) {
        String voter() {
            return id + "@" + host.address() + ":" + controllerPort;
        }

        public String bootstrapServer() {
            return host.address() + ":" + port;
        }
    }

    /** An open broker: PLAINTEXT, no sign-in, no authorizer. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log)
            throws IOException, InterruptedException {
        Node node = new Node(1, Host.LOOPBACK, port, controllerPort);
        KafkaBroker broker = launch(dataDir, serverProperties(dataDir.resolve("log"), node, List.of(node),
                "PLAINTEXT"), List.of(), node, Uuid.randomUuid().toString(), Optional.empty(), "", log);
        return broker.awaitAnswering();
    }

    /**
     * An open node of a cluster, started without waiting for it: a node answers only once a majority of the voters
     * runs, so every node is started before any is awaited ({@link #awaitAnswering}). Topics default to three
     * replicas, two of them in sync for a write to count, when the cluster has three nodes or more.
     *
     * @param clusterId the same for every node; used only to format a data folder met for the first time
     */
    public static KafkaBroker launchNode(Path dataDir, Node node, List<Node> voters, String clusterId, Path log)
            throws IOException, InterruptedException {
        return launch(dataDir, serverProperties(dataDir.resolve("log"), node, voters, "PLAINTEXT"), List.of(), node,
                clusterId, Optional.empty(), "", log);
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
        Node node = new Node(1, Host.LOOPBACK, port, controllerPort);
        String properties = serverProperties(dataDir.resolve("log"), node, List.of(node), "SASL_SSL")
                + securedProperties(keystore, authority, adminPassword);
        return launch(dataDir, properties, List.of("--add-scram",
                        ScramOverTls.MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"), node,
                Uuid.randomUuid().toString(), Optional.of(new ScramOverTls(authority.truststore(),
                        authority.password())), adminPassword, log).awaitAnswering();
    }

    private static KafkaBroker launch(Path dataDir, String properties, List<String> formatArguments, Node node,
                                      String clusterId, Optional<ScramOverTls> security, String adminPassword,
                                      Path log) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties);
        Path log4j = dataDir.resolve("log4j2.properties");
        Files.writeString(log4j, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\n"
                + "appender.out.type=Console\nappender.out.name=out\nappender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d %p [%c] %m%n\n");
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(config, clusterId, formatArguments, dataDir, log);
        }
        ManagedProcess process = ManagedProcess.start("kafka-" + node.id(), node.host().run(List.of(
                ManagedProcess.javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-cp", classpath(), "kafka.Kafka",
                config.toAbsolutePath().toString())), dataDir, log);
        return new KafkaBroker(process, node.host(), node.port(), security, adminPassword);
    }

    /** This broker, once it answers; stopped if it does not within a minute. */
    public KafkaBroker awaitAnswering() throws InterruptedException {
        return awaitAnswering(Duration.ofSeconds(60));
    }

    /** This broker, once it answers; stopped if it does not within {@code patience}. */
    public KafkaBroker awaitAnswering(Duration patience) throws InterruptedException {
        try {
            process.awaitReady(this::answers, patience);
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        return this;
    }

    public String bootstrapServers() {
        return host.address() + ":" + port;
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

    private static void format(Path config, String clusterId, List<String> arguments, Path dataDir, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
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
    static String serverProperties(Path logDir, Node node, List<Node> voters, String protocol) {
        int replicas = Math.min(3, voters.size());
        int inSync = Math.max(1, replicas - 1);
        String address = node.host().address();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + String.join(",", voters.stream().map(Node::voter).toList()),
                "listeners=" + protocol + "://" + address + ":" + node.port() + ",CONTROLLER://" + address + ":"
                        + node.controllerPort(),
                "advertised.listeners=" + protocol + "://" + address + ":" + node.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + protocol,
                "listener.security.protocol.map=" + protocol + ":" + protocol + ",CONTROLLER:" + protocol,
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + inSync,
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + inSync,
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

    /** Ends the broker at once, as a crash would (SIGKILL). */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
