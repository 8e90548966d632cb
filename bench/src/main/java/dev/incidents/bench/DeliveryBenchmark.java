package dev.incidents.bench;

import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.NotifierKeys;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.testing.EmbeddedKafka;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The notifier's delivery on this machine: the packaged service on a real broker and registry, 100 webhook
 * subscriptions on local receivers; a batch of declarations is delivered to all of them, then the same with 10
 * receivers hanging until the sender's timeout. Prints deliveries/s, event-to-receiver latency, and the healthy
 * receivers' throughput with the hanging ones beside it as a ratio of the first phase's.
 */
public final class DeliveryBenchmark {

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(DeliveryBenchmark.class, DeliveryBenchmark::run);
    }

    private record Phase(String name, int receivers, int events, double seconds, Histogram latencyMillis) {
        double deliveriesPerSecond() {
            return receivers * (double) events / seconds;
        }

        String line() {
            return String.format("%-44s %6d deliveries in %6.2f s = %7.0f /s   latency p50 %6d ms   p99 %6d ms",
                    name, receivers * events, seconds, deliveriesPerSecond(), latencyMillis.getValueAtPercentile(50),
                    latencyMillis.getValueAtPercentile(99));
        }
    }

    private static void run() throws Exception {
        int subscriptions = Integer.getInteger("bench.subscriptions", 100);
        int hangingCount = Integer.getInteger("bench.hanging", 10);
        int events = Integer.getInteger("bench.events", 100);
        Path work = Files.createTempDirectory("delivery-bench");
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), null, work.resolve("registry.log"));
        ManagedProcess notifier = null;
        IdentityProvider keycloak = null;
        try (BenchReceivers receivers = new BenchReceivers(subscriptions);
             EventWriter writer = new EventWriter(kafka.bootstrapServers(), registry.nativeApiUrl())) {
            new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl()).provision(3, (short) 1);
            keycloak = IdentityProvider.start(Path.of(System.getProperty("keycloak.home")), ManagedProcess.freePort(),
                    work.resolve("keycloak"), work.resolve("keycloak.log"));
            int port = ManagedProcess.freePort();
            notifier = ServiceProcess.start("notifier-service", Path.of(System.getProperty("notifier.jar")), port,
                    kafka.bootstrapServers(), registry.nativeApiUrl(), work.resolve("notifier"),
                    work.resolve("notifier.log"), "768m", notifierSettings(keycloak, work));
            String baseUrl = "http://127.0.0.1:" + port;
            String authorization = "Bearer " + keycloak.tokens().of("notifier-admin");
            awaitUp(baseUrl, authorization);
            for (int i = 0; i < subscriptions; i++) {
                WebhookSubscriptions.subscribe(baseUrl, authorization, receivers.url(i));
            }
            warmUp(writer, receivers, subscriptions);
            phase("warm-up (JIT), not counted", writer, receivers, events,
                    IntStream.range(0, subscriptions).boxed().collect(Collectors.toSet()));

            Phase healthy = phase("all " + subscriptions + " receivers healthy", writer, receivers, events,
                    IntStream.range(0, subscriptions).boxed().collect(Collectors.toSet()));
            Set<Integer> hanging = IntStream.range(0, hangingCount).boxed().collect(Collectors.toSet());
            receivers.hang(hanging);
            Phase degraded = phase(hangingCount + " hanging, the other " + (subscriptions - hangingCount), writer,
                    receivers, events, IntStream.range(hangingCount, subscriptions).boxed()
                            .collect(Collectors.toSet()));
            report(subscriptions, events, healthy, degraded);
        } finally {
            if (notifier != null) {
                notifier.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
            registry.close();
            kafka.close();
        }
    }

    /** Declares {@code events} incidents and times until each of {@code watched} receivers has accepted all. */
    private static Phase phase(String name, EventWriter writer, BenchReceivers receivers, int events,
                               Set<Integer> watched) throws InterruptedException {
        long[] before = new long[watched.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        watched.forEach(r -> before[r] = receivers.accepted(r));
        receivers.takeLatencies();
        long start = System.nanoTime();
        declare(writer, events);
        awaitAll(watched, r -> receivers.accepted(r) >= before[r] + events, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(name, watched.size(), events, seconds, receivers.takeLatencies());
    }

    private static void warmUp(EventWriter writer, BenchReceivers receivers, int subscriptions)
            throws InterruptedException {
        Set<Integer> all = IntStream.range(0, subscriptions).boxed().collect(Collectors.toSet());
        for (int attempt = 0; attempt < 30; attempt++) {
            declare(writer, 1);
            if (awaitAll(all, r -> receivers.accepted(r) >= 1, Duration.ofSeconds(3))) {
                return;
            }
        }
        throw new IllegalStateException("The subscriptions never all received a message");
    }

    private static void declare(EventWriter writer, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("bench-" + UUID.randomUUID());
        }
        Instant now = Instant.now();
        writer.declare(ids, now, i -> now.plus(Duration.ofHours(2)));
        writer.flush();
    }

    private static boolean awaitAll(Set<Integer> receivers, IntPredicate done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!receivers.stream().allMatch(done::test)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static String[] notifierSettings(IdentityProvider keycloak, Path work) throws Exception {
        List<String> settings = new ArrayList<>(NotifierKeys.settings(work));
        settings.add("quarkus.oidc.auth-server-url=" + keycloak.issuerUrl());
        settings.add(ServiceProcess.LOOPBACK_DELIVERIES);
        return settings.toArray(String[]::new);
    }

    private static void awaitUp(String baseUrl, String authorization) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/subscriptions"))
                                .header("Authorization", authorization).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The notifier did not start", notYet);
                }
            }
            Thread.sleep(200);
        }
    }

    private static void report(int subscriptions, int events, Phase healthy, Phase degraded) {
        System.out.println();
        System.out.printf("Delivery benchmark: %d cores, Java %s, 1 broker, the packaged notifier, %d webhook "
                        + "subscriptions on local receivers, %d declarations per phase (a message per subscription "
                        + "each), receiver timeout 10 s, 4 in flight per destination%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), subscriptions, events);
        System.out.println(healthy.line());
        System.out.println(degraded.line());
        double perReceiverHealthy = events / healthy.seconds();
        double perReceiverDegraded = events / degraded.seconds();
        System.out.printf("ratio: healthy receivers' throughput with %d hanging / with none = %.2f (goal >= 0.9)%n",
                subscriptions - degraded.receivers(), perReceiverDegraded / perReceiverHealthy);
    }
}
