package dev.incidents.deploy.cluster;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.deploy.Host;
import dev.incidents.deploy.ManagedProcess;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The multi-host failover test: the system on its own hosts ({@link Cluster}) under a steady stream of commands
 * with a subscribed webhook, through a crash (one broker host and one instance of each service killed with
 * SIGKILL, later started again) and a network cut (another broker host and the same application host cut off,
 * later joined again). Then it checks from the topics and the receiver that nothing acknowledged was lost or done
 * twice, that the survivors answered every incident, that every broken promise was detected once, and that every
 * webhook was delivered; it prints its figures and ends with "N passed, M failed" (exit 1 when any failed).
 */
public final class ClusterTest {

    private static final long STARTED = System.currentTimeMillis();
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration CRASH_HELD = Duration.ofSeconds(30);
    private static final Duration CUT_HELD = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** Past the last promise (the one-minute cadence from the last update) and its detection. */
    private static final Duration LAST_PROMISE_BROKEN = Duration.ofSeconds(75);
    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(3);
    /** The broker host killed in the crash, and the one cut off later (indexes of the three). */
    private static final int CRASHED_BROKER = 2;
    private static final int CUT_BROKER = 1;

    private final Network network;
    private final Cluster cluster;
    private final List<DeliveryAudit.Fault> faults = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    private ClusterTest(Network network, Cluster cluster) {
        this.network = network;
        this.cluster = cluster;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("INCIDENTS_REPO_ROOT", ".")).toAbsolutePath().normalize();
        Path dir = Path.of(env.getOrDefault("CLUSTER_TEST_DIR", root.resolve("deploy/target/cluster-test")
                .toString()));
        deleteRecursively(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::closeAllRunning, "cluster-test-stop"));
        List<Check> checks;
        try (Network network = Network.create("10.77.0"); Cluster cluster = start(network, root, dir)) {
            checks = new ClusterTest(network, cluster).run();
        } catch (Exception e) {
            say("The cluster test could not run: " + e);
            say("Logs: " + dir.resolve("logs"));
            checks = List.of(Check.of("the cluster ran", false, String.valueOf(e.getMessage())));
        }
        long failed = checks.stream().filter(check -> !check.passed()).count();
        checks.forEach(check -> say(check.line()));
        System.out.println((checks.size() - failed) + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Cluster start(Network network, Path root, Path dir) throws Exception {
        long started = System.currentTimeMillis();
        say("Starting 3 Kafka nodes, Apicurio Registry and Keycloak, each on its own host (" + network.cidr() + ")");
        Cluster cluster = Cluster.start(network, root, dir);
        say("Starting incident-commands, timeline-projection and notifier-service on " + cluster.appHosts().size()
                + " application hosts");
        cluster.startServices(cluster.appHosts());
        say("Cluster ready in " + seconds(System.currentTimeMillis() - started) + " (logs: " + cluster.logs() + ")");
        return cluster;
    }

    private List<Check> run() throws Exception {
        Host app1 = cluster.appHosts().get(0);
        Host app2 = cluster.appHosts().get(1);
        String commander = cluster.tokens().of("commander");
        IncidentQueries queries = new IncidentQueries(commander);
        try (WebhookReceiver receiver = WebhookReceiver.start(network.ownAddress(), 0);
             CommandLoad load = new CommandLoad(cluster.appHosts().stream()
                     .map(host -> host.url(Cluster.COMMANDS_PORT)).toList(), commander, 8, 5,
                     Duration.ofMillis(400))) {
            subscribe(app1.url(Cluster.NOTIFIER_PORT), cluster.tokens().of("notifier-admin"), receiver.url());
            long loadStarted = System.currentTimeMillis();
            load.start();
            say("Load running: 8 clients, 40 SEV1 incidents, a public update every few seconds each");
            Thread.sleep(WARM_UP.toMillis());

            long crashAt = System.currentTimeMillis();
            say("Crash: SIGKILL to the broker on " + cluster.brokerHost(CRASHED_BROKER).name() + " and to every "
                    + "service on " + app2.name());
            cluster.killBroker(CRASHED_BROKER);
            cluster.killServices(app2);
            faults.add(new DeliveryAudit.Fault("crash", crashAt));
            long crashTakeover = queries.awaitAllAnswered(app1.url(Cluster.PROJECTION_PORT),
                    declared(load), crashAt, Duration.ofSeconds(90));
            sleepUntil(crashAt + CRASH_HELD.toMillis());
            say("Starting the crashed broker and services again");
            CompletableFuture<Void> services = CompletableFuture.runAsync(() -> cluster.startServices(List.of(app2)));
            cluster.restartBroker(CRASHED_BROKER);
            services.join();
            cluster.awaitReplicasInSync(Duration.ofMinutes(2));
            long restarted = System.currentTimeMillis();
            Thread.sleep(SETTLE.toMillis() / 2);

            long cutAt = System.currentTimeMillis();
            Host cutBroker = cluster.brokerHost(CUT_BROKER);
            say("Network cut: " + cutBroker.name() + " and " + app2.name() + " cut off for " + CUT_HELD.toSeconds()
                    + " s");
            network.cut(cutBroker);
            network.cut(app2);
            faults.add(new DeliveryAudit.Fault("cut", cutAt));
            long cutTakeover = queries.awaitAllAnswered(app1.url(Cluster.PROJECTION_PORT), declared(load), cutAt,
                    CUT_HELD);
            sleepUntil(cutAt + CUT_HELD.toMillis());
            network.rejoin(cutBroker);
            network.rejoin(app2);
            long rejoinedAt = System.currentTimeMillis();
            say("Joined again; load goes on for " + SETTLE.toSeconds() + " s");
            cluster.awaitReplicasInSync(Duration.ofMinutes(2));
            Thread.sleep(SETTLE.toMillis());
            load.stop();
            long loadStopped = System.currentTimeMillis();
            List<CommandLoad.Sent> sent = load.sent();
            figures.add(String.format("load: %d commands in %s (%.1f a second); before the faults an "
                            + "acknowledgment took %d ms (median), %d ms (99th percentile)", sent.size(),
                    seconds(loadStopped - loadStarted), sent.size() * 1000.0 / (loadStopped - loadStarted),
                    CommandAudit.waitPercentile(sent, loadStarted, crashAt, 0.5),
                    CommandAudit.waitPercentile(sent, loadStarted, crashAt, 0.99)));
            figures.add("crash: survivors answered every incident " + takeover(crashTakeover) + "; every incident "
                    + "took commands again " + seconds(everyIncidentServedAfter(sent, crashAt)) + " after it; "
                    + "longest wait for an acknowledgment " + seconds(CommandAudit.longestWait(sent, crashAt,
                    restarted)));
            figures.add("cut: survivors answered every incident " + takeover(cutTakeover) + "; every incident "
                    + "took commands again " + seconds(everyIncidentServedAfter(sent, cutAt)) + " after it; "
                    + "longest wait for an acknowledgment " + seconds(CommandAudit.longestWait(sent, cutAt,
                    rejoinedAt)));
            say("Load stopped; waiting for the last promises to break and every webhook to arrive");
            sleepUntil(loadStopped + LAST_PROMISE_BROKEN.toMillis());
            return audit(sent, receiver, queries);
        }
    }

    private List<Check> audit(List<CommandLoad.Sent> sent, WebhookReceiver receiver, IncidentQueries queries)
            throws InterruptedException {
        Set<String> written = awaitDeliveries(receiver);
        long checkedAt = System.currentTimeMillis() - DeadlineAudit.MARGIN_MILLIS;
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(cluster.confluentApiUrl());
        List<Facts.Event> events = decode(decoder, "incident-events").map(Facts::event).toList();
        List<Facts.Detection> detections = decode(decoder, "incident-detections").map(Facts::detection).toList();
        Set<String> failed = decode(decoder, "notifier-failed").map(r -> String.valueOf(r.get("messageId")))
                .collect(Collectors.toSet());
        List<Check> checks = new ArrayList<>(CommandAudit.audit(sent, events));
        checks.add(survivorsAnswer(queries, events));
        checks.addAll(DeadlineAudit.audit(events, detections, checkedAt));
        checks.addAll(DeliveryAudit.audit(written, failed, receiver.arrivals(), receiver.refused(), faults));
        figures.forEach(ClusterTest::say);
        return checks;
    }

    /** Every incident answered by each instance, at the version its events reached. */
    private Check survivorsAnswer(IncidentQueries queries, List<Facts.Event> events) throws InterruptedException {
        Map<String, Long> expected = events.stream().collect(Collectors.toMap(Facts.Event::incidentId,
                Facts.Event::sequence, Math::max));
        List<String> wrong = new ArrayList<>();
        for (Host host : cluster.appHosts()) {
            Map<String, Long> answered = queries.versions(host.url(Cluster.PROJECTION_PORT), expected.keySet());
            expected.forEach((id, version) -> {
                if (!version.equals(answered.get(id))) {
                    wrong.add(host.name() + ":" + id + " answered " + answered.get(id) + ", expected " + version);
                }
            });
        }
        return Check.of("every incident answered, up to date, by every instance", wrong.isEmpty(),
                expected.size() + " incidents asked of " + cluster.appHosts().size() + " instances"
                        + (wrong.isEmpty() ? "" : "; wrong: " + wrong));
    }

    /** The outbox's message ids, once the receiver has them all or the patience is spent. */
    private Set<String> awaitDeliveries(WebhookReceiver receiver) throws InterruptedException {
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(cluster.confluentApiUrl());
        long deadline = System.currentTimeMillis() + DRAIN_PATIENCE.toMillis();
        while (true) {
            Set<String> written = decode(decoder, "notifier-outbox").map(r -> String.valueOf(r.get("messageId")))
                    .collect(Collectors.toSet());
            if (receiver.arrivals().keySet().containsAll(written) || System.currentTimeMillis() > deadline) {
                return written;
            }
            Thread.sleep(1000);
        }
    }

    private Stream<GenericRecord> decode(ConfluentWireDecoder decoder, String topic) {
        return TopicDump.readAll(cluster.bootstrapServers(), topic).stream().map(ConsumerRecord::value)
                .map(decoder::decode);
    }

    private static List<String> declared(CommandLoad load) {
        return load.sent().stream().filter(s -> s.kind().equals("declare") && s.acknowledged())
                .map(CommandLoad.Sent::incidentId).toList();
    }

    /** How long after the fault every incident had a command acknowledged that was first sent after it. */
    private static long everyIncidentServedAfter(List<CommandLoad.Sent> sent, long faultAt) {
        Map<String, Long> firstAcknowledged = sent.stream()
                .filter(s -> s.acknowledged() && s.firstTriedAt() >= faultAt && s.kind().equals("update"))
                .collect(Collectors.toMap(CommandLoad.Sent::incidentId, CommandLoad.Sent::acknowledgedAt,
                        Math::min));
        return firstAcknowledged.values().stream().max(Comparator.naturalOrder()).orElse(faultAt) - faultAt;
    }

    private static void subscribe(String notifierUrl, String token, String target) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(notifierUrl + "/subscriptions")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEBHOOK\",\"target\":\"" + target
                        + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\",\"timeZone\":\"UTC\",\"secrets\":[\""
                        + WebhookReceiver.SECRET + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Subscribing the receiver failed: " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static String takeover(long millis) {
        return millis < 0 ? "NOT within the patience" : seconds(millis) + " after it";
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        Thread.sleep(Math.max(0, epochMillis - System.currentTimeMillis()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void say(String line) {
        System.out.printf("[cluster-test %6.1f s] %s%n", (System.currentTimeMillis() - STARTED) / 1000.0, line);
    }
}
