package dev.incidents.deploy.cluster;

import dev.incidents.deploy.Host;
import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.KafkaBroker;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.NotifierKeys;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.StackSettings;
import dev.incidents.deploy.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The system as production runs it, on hosts of their own made of network namespaces: three Kafka nodes (KRaft,
 * three replicas, two in sync for a write), Apicurio Registry and Keycloak each on a host, and two application hosts
 * running one instance of each service. Hosts' processes can be killed and started again, on the same data.
 */
final class Cluster implements AutoCloseable {

    static final int COMMANDS_PORT = 8080;
    static final int PROJECTION_PORT = 8082;
    static final int NOTIFIER_PORT = 8083;
    private static final int KAFKA_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;
    private static final int REGISTRY_PORT = 8081;
    private static final int KEYCLOAK_PORT = 8180;
    private static final int PARTITIONS = 6;
    /** SEV1 promises of a minute, not 15: promises break within the test's minutes. */
    static final String CADENCE = "incidents.cadence.sev1=1m";

    private final Network network;
    private final Path repoRoot;
    private final Path dir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<KafkaBroker.Node> nodes = new ArrayList<>();
    private final KafkaBroker[] brokers;
    private final List<Host> appHosts = new ArrayList<>();
    private final Map<Host, List<ManagedProcess>> services = new HashMap<>();
    private IdentityProvider keycloak;
    private RegistryServer registry;

    private Cluster(Network network, Path repoRoot, Path dir) {
        this.network = network;
        this.repoRoot = repoRoot;
        this.dir = dir;
        this.brokers = new KafkaBroker[3];
    }

    /** Every host made and every server started, topics and subjects provisioned; services not started yet. */
    static Cluster start(Network network, Path repoRoot, Path dir) throws Exception {
        Cluster cluster = new Cluster(network, repoRoot, dir);
        Files.createDirectories(cluster.logs());
        for (int id = 1; id <= 3; id++) {
            cluster.nodes.add(new KafkaBroker.Node(id, network.addHost("kafka" + id, 10 + id), KAFKA_PORT,
                    CONTROLLER_PORT));
        }
        Host registryHost = network.addHost("registry", 20);
        Host keycloakHost = network.addHost("keycloak", 21);
        cluster.appHosts.add(network.addHost("app1", 31));
        cluster.appHosts.add(network.addHost("app2", 32));
        CompletableFuture<IdentityProvider> keycloak = CompletableFuture.supplyAsync(() -> uncheck(() ->
                IdentityProvider.start(keycloakHost, StackSettings.keycloakHome(repoRoot), KEYCLOAK_PORT,
                        dir.resolve("keycloak"), cluster.log("keycloak"))));
        for (int index = 0; index < 3; index++) {
            cluster.launchBroker(index);
        }
        for (KafkaBroker broker : cluster.brokers) {
            broker.awaitAnswering();
        }
        cluster.registry = RegistryServer.start(registryHost, StackSettings.apicurioHome(repoRoot), REGISTRY_PORT,
                null, cluster.log("registry"));
        new Provisioner(cluster.bootstrapServers(), cluster.registry.confluentApiUrl())
                .provision(PARTITIONS, (short) 3);
        cluster.keycloak = join(keycloak);
        return cluster;
    }

    List<Host> appHosts() {
        return List.copyOf(appHosts);
    }

    String bootstrapServers() {
        return String.join(",", nodes.stream().map(KafkaBroker.Node::bootstrapServer).toList());
    }

    String confluentApiUrl() {
        return registry.confluentApiUrl();
    }

    Tokens tokens() {
        return keycloak.tokens();
    }

    Host brokerHost(int index) {
        return nodes.get(index).host();
    }

    void killBroker(int index) throws InterruptedException {
        brokers[index].kill();
    }

    /**
     * Starts a broker again on its data, as a restarted host would; it answers once it has recovered its logs
     * (after a crash, every segment is checked) and rejoined.
     */
    void restartBroker(int index) throws IOException, InterruptedException {
        launchBroker(index).awaitAnswering(Duration.ofMinutes(3));
    }

    private KafkaBroker launchBroker(int index) throws IOException, InterruptedException {
        KafkaBroker.Node node = nodes.get(index);
        brokers[index] = KafkaBroker.launchNode(dir.resolve("kafka" + node.id()), node, nodes, clusterId,
                log("kafka" + node.id()));
        return brokers[index];
    }

    /** Starts the three services on every application host at once; returns when all are ready. */
    void startServices(Collection<Host> hosts) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Host host : hosts) {
            services.put(host, new ArrayList<>());
            for (String service : List.of("incident-commands", "timeline-projection", "notifier-service")) {
                starting.add(CompletableFuture.runAsync(() -> uncheck(() -> {
                    ManagedProcess process = startService(host, service);
                    synchronized (services) {
                        services.get(host).add(process);
                    }
                    return null;
                })));
            }
        }
        join(CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)));
    }

    /** Ends every service of the host at once (SIGKILL), as a crash of the host would. */
    void killServices(Host host) throws InterruptedException {
        for (ManagedProcess process : services.getOrDefault(host, List.of())) {
            process.kill();
        }
        services.remove(host);
    }

    /** Until every partition of every topic has all its replicas in sync (a restarted broker has caught up). */
    void awaitReplicasInSync(Duration patience) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!allInSync(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replicas not in sync within " + patience);
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean allInSync(Admin admin) throws Exception {
        Collection<TopicDescription> topics = admin.describeTopics(admin.listTopics().names()
                .get(30, TimeUnit.SECONDS)).allTopicNames().get(30, TimeUnit.SECONDS).values();
        return topics.stream().flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.isr().size() == partition.replicas().size());
    }

    private ManagedProcess startService(Host host, String service) throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>(List.of(
                "quarkus.oidc.auth-server-url=" + keycloak.issuerUrl()));
        int port = switch (service) {
            case "incident-commands" -> {
                settings.add(CADENCE);
                yield COMMANDS_PORT;
            }
            case "timeline-projection" -> {
                settings.add(Tokens.PEER_SECRET_SETTING);
                yield PROJECTION_PORT;
            }
            default -> {
                // the instances share their keys, as a Kubernetes Secret shares them
                settings.addAll(NotifierKeys.settings(dir));
                settings.add("incidents.delivery.allowed-networks=" + network.cidr());
                settings.add("incidents.delivery.retry-schedule=2s,5s,10s,10s,10s,10s,10s");
                settings.add("incidents.email.public-url=" + host.url(NOTIFIER_PORT));
                yield NOTIFIER_PORT;
            }
        };
        return ServiceProcess.start(host, service, repoRoot.resolve(service + "/target/quarkus-app/quarkus-run.jar"),
                port, bootstrapServers(), registry.nativeApiUrl(), dir.resolve(host.name()).resolve(service),
                log(host.name() + "-" + service), "512m", settings.toArray(String[]::new));
    }

    Path logs() {
        return dir.resolve("logs");
    }

    private Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Stops the services first, then what they use, then whatever else is still running. */
    @Override
    public void close() {
        services.values().forEach(processes -> processes.forEach(ManagedProcess::close));
        for (AutoCloseable server : new AutoCloseable[] {registry, keycloak}) {
            if (server != null) {
                uncheck(() -> {
                    server.close();
                    return null;
                });
            }
        }
        for (KafkaBroker broker : brokers) {
            if (broker != null) {
                broker.close();
            }
        }
        ManagedProcess.closeAllRunning();
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Step<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
