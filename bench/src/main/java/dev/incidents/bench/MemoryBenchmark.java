package dev.incidents.bench;

import dev.incidents.deploy.ManagedProcess;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the services' memory stays flat as incidents pass through: the three packaged services on a real broker
 * and registry, a webhook subscription on a local receiver; batches of incidents are declared and resolved over
 * HTTP, each batch's messages delivered, then every service's heap after a full collection and its resident set
 * are taken. The baseline is the figure half-way: by then every bounded cache has filled (incident-commands keeps
 * the latest 100,000 command results, two per incident here), so what still grows after it grows with traffic.
 * The ratio of the last figure to it is printed per service, and to the first batch's for comparison.
 */
public final class MemoryBenchmark {

    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\":\"([^\"]+)\"");
    private static final double MB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandsUrl;
    private final String commander;
    private final Semaphore inFlight;
    private final AtomicLong failures = new AtomicLong();

    private MemoryBenchmark(String commandsUrl, String commander, int concurrency) {
        this.commandsUrl = commandsUrl;
        this.commander = commander;
        this.inFlight = new Semaphore(concurrency);
    }

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(MemoryBenchmark.class, MemoryBenchmark::run);
    }

    private static void run() throws Exception {
        int incidents = Integer.getInteger("bench.incidents", 100_000);
        int batches = Integer.getInteger("bench.batches", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 64);
        int messagesPerIncident = Integer.getInteger("bench.messages-per-incident", 2);
        String heap = System.getProperty("bench.heap", "512m");
        try (ServiceStack stack = ServiceStack.start(heap, Map.of());
             BenchReceivers receiver = new BenchReceivers(1)) {
            Map<String, ManagedProcess> services = stack.services();
            WebhookSubscriptions.subscribe(stack.url("notifier-service"), stack.authorization("notifier-admin"),
                    receiver.url(0));
            String commandsUrl = stack.url("incident-commands");
            defineCheckout(commandsUrl, stack.authorization("incident-admin"));
            MemoryBenchmark bench = new MemoryBenchmark(commandsUrl, stack.authorization("commander"), concurrency);

            int warmUp = Math.max(100, incidents / batches / 10);
            bench.passThrough(warmUp, "warm-up");
            awaitDelivered(receiver, (long) warmUp * messagesPerIncident);
            List<Checkpoint> checkpoints = new ArrayList<>();
            long passed = 0;
            long started0 = System.nanoTime();
            for (int batch = 1; batch <= batches; batch++) {
                int size = incidents / batches;
                bench.passThrough(size, "batch " + batch);
                passed += size;
                awaitDelivered(receiver, (warmUp + passed) * messagesPerIncident);
                Map<String, HeapProbe.Sample> samples = new LinkedHashMap<>();
                for (Map.Entry<String, ManagedProcess> service : services.entrySet()) {
                    samples.put(service.getKey(), HeapProbe.of(service.getValue()));
                }
                Checkpoint checkpoint = new Checkpoint(passed, receiver.accepted(0), samples,
                        (System.nanoTime() - started0) / 1e9);
                checkpoints.add(checkpoint);
                System.out.println(checkpoint.line());
            }
            report(incidents, heap, concurrency, checkpoints, bench.failures.get());
        }
    }

    private record Checkpoint(long incidents, long delivered, Map<String, HeapProbe.Sample> samples,
                              double seconds) {
        String line() {
            StringBuilder line = new StringBuilder(String.format("%8d incidents  %8d delivered  %6.0f s ", incidents,
                    delivered, seconds));
            samples.forEach((service, sample) -> line.append(String.format("  %s heap %6.1f MB rss %6.1f MB",
                    service, sample.heapAfterGcBytes() / MB, sample.residentBytes() / MB)));
            return line.toString();
        }
    }

    /** Declares {@code count} incidents and resolves each once declared, {@code concurrency} requests at a time. */
    private void passThrough(int count, String what) throws InterruptedException {
        List<CompletableFuture<Void>> lifecycles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            lifecycles.add(post("/incidents", "{\"title\":\"Memory " + what + " " + i + "\",\"severity\":\"SEV3\","
                    + "\"summary\":\"Checkout is slow\",\"components\":[\"checkout\"]}")
                    .thenCompose(declared -> {
                        Matcher id = INCIDENT_ID.matcher(declared.body());
                        if (declared.statusCode() != 201 || !id.find()) {
                            throw new IllegalStateException("Declare answered " + declared.statusCode() + ": "
                                    + declared.body());
                        }
                        return post("/incidents/" + id.group(1) + "/resolve", "{\"message\":\"Recovered\","
                                + "\"rcaOwner\":\"ops\",\"rcaDueAt\":\"" + Instant.now().plus(Duration.ofDays(3))
                                + "\"}");
                    })
                    .thenAccept(resolved -> {
                        if (resolved.statusCode() != 200) {
                            throw new IllegalStateException("Resolve answered " + resolved.statusCode() + ": "
                                    + resolved.body());
                        }
                    })
                    .whenComplete((done, error) -> {
                        inFlight.release();
                        if (error != null && failures.getAndIncrement() < 5) {
                            LoggerFactory.getLogger(MemoryBenchmark.class).warn("An incident did not pass", error);
                        }
                    }));
        }
        CompletableFuture.allOf(lifecycles.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
    }

    /** The declares name the component "checkout", which the catalog must hold. */
    private static void defineCheckout(String commandsUrl, String adminAuthorization)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(commandsUrl + "/components/checkout")).header("Content-Type", "application/json")
                .header("Authorization", adminAuthorization).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Checkout\",\"public\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Defining checkout answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(commandsUrl + path))
                .header("Content-Type", "application/json").header("Authorization", commander)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitDelivered(BenchReceivers receiver, long messages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (receiver.accepted(0) < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The receiver has " + receiver.accepted(0) + " of " + messages
                        + " messages after 10 minutes (is bench.messages-per-incident right?)");
            }
            Thread.sleep(50);
        }
    }

    private static void report(int incidents, String heap, int concurrency, List<Checkpoint> checkpoints,
                               long failures) {
        Checkpoint first = checkpoints.getFirst();
        Checkpoint last = checkpoints.getLast();
        System.out.println();
        System.out.printf("Memory benchmark: %d cores, Java %s, 1 broker, the three packaged services (-Xmx%s %s each), "
                        + "1 webhook subscription; %d incidents declared and resolved over HTTP (%d in flight), "
                        + "%d messages delivered, %d incidents failed%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), heap,
                System.getProperty("bench.jvm-options", ""), incidents,
                concurrency, last.delivered(), failures);
        checkpoints.forEach(checkpoint -> System.out.println(checkpoint.line()));
        last.samples().forEach((service, end) -> System.out.printf("resident set: %s %.0f MB at %d incidents "
                + "(goal <= 256 MB)%n", service, end.residentBytes() / MB, last.incidents()));
        Checkpoint half = checkpoints.get((checkpoints.size() - 1) / 2);
        half.samples().forEach((service, baseline) -> {
            HeapProbe.Sample end = last.samples().get(service);
            System.out.printf("ratio: %s heap after GC at %d / at %d incidents = %.2f (goal <= 1.1); resident set "
                            + "%.2f; heap at %d / at %d incidents = %.2f%n", service, last.incidents(),
                    half.incidents(), end.heapAfterGcBytes() / (double) baseline.heapAfterGcBytes(),
                    end.residentBytes() / (double) baseline.residentBytes(), last.incidents(), first.incidents(),
                    end.heapAfterGcBytes() / (double) first.samples().get(service).heapAfterGcBytes());
        });
    }
}
