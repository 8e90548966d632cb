package dev.incidents.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker ({@code kafka.Kafka}, KRaft combined broker and controller) as its own process on loopback,
 * its data in one folder, formatted on first start only so restarts keep every record.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, serverProperties(dataDir.resolve("log"), port, controllerPort));
        Path log4j = dataDir.resolve("log4j2.properties");
        Files.writeString(log4j, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\n"
                + "appender.out.type=Console\nappender.out.name=out\nappender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d %p [%c] %m%n\n");
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(config, dataDir, log);
        }
        ManagedProcess process = ManagedProcess.start("kafka", List.of(ManagedProcess.javaExecutable(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-cp", classpath(), "kafka.Kafka",
                config.toAbsolutePath().toString()), dataDir, log);
        KafkaBroker broker = new KafkaBroker(process, port);
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

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500))) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Path config, Path dataDir, Path log) throws IOException, InterruptedException {
        Process format = new ProcessBuilder(ManagedProcess.javaExecutable(), "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toAbsolutePath().toString())
                .directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
        }
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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

    @Override
    public void close() {
        process.close();
    }
}
