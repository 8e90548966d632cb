package dev.incidents.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.testing.SocketReceiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Latency through the whole system at a steady load: the three packaged services on a real broker, registry and
 * identity provider. Incidents are declared over HTTP at a fixed rate while 20 webhook subscriptions receive each
 * declaration, first from receivers that keep their connections, then from receivers that close each one after
 * answering (without saying so); the latency is from the declaration's 201 to each receiver's receipt. The rate is
 * then raised step by step to find the highest at which p99 stays within the goal for both kinds. Last, updates go
 * at 100/s while a dashboard follows the live stream: the latency from each update's 201 to its {@code state} event,
 * and to its state record's commit (read by a read_committed consumer), the projection's part of it.
 */
public final class EndToEndBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double GOAL_P99_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandsUrl;
    private final String commander;
    private final AtomicLong failures = new AtomicLong();

    private EndToEndBenchmark(String commandsUrl, String commander) {
        this.commandsUrl = commandsUrl;
        this.commander = commander;
    }

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(EndToEndBenchmark.class, EndToEndBenchmark::run);
    }

    private static void run() throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 20);
        double declaresPerSecond = Double.parseDouble(System.getProperty("bench.declares-per-second", "5"));
        Duration steady = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
        Duration step = Duration.ofSeconds(Integer.getInteger("bench.step-seconds", 20));
        List<Double> rates = Arrays.stream(System.getProperty("bench.rates", "10,20,40,80").split(","))
                .map(String::trim).map(Double::valueOf).toList();
        double updatesPerSecond = Double.parseDouble(System.getProperty("bench.updates-per-second", "100"));
        Arrivals webhooks = new Arrivals();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (ServiceStack stack = ServiceStack.start("512m", Map.of());
             SocketReceiver receivers = SocketReceiver.answering(request -> {
                 if (seen.add(request.headers().get("webhook-id"))) {
                     webhooks.arrived(incidentOf(request.body()), System.nanoTime());
                 }
             })) {
            for (int i = 0; i < subscribers; i++) {
                WebhookSubscriptions.subscribe(stack.url("notifier-service"), stack.authorization("notifier-admin"),
                        receivers.url("/r/" + i));
            }
            EndToEndBenchmark bench = new EndToEndBenchmark(stack.url("incident-commands"),
                    stack.authorization("commander"));
            receivers.keepConnections(true);
            bench.declare(webhooks, declaresPerSecond, Duration.ofSeconds(10), subscribers);
            List<String> lines = new ArrayList<>();
            for (boolean keep : List.of(true, false)) {
                receivers.keepConnections(keep);
                lines.add(bench.declare(webhooks, declaresPerSecond, steady, subscribers)
                        .line(String.format("%s, %.0f declares/s x %d subscribers", kind(keep), declaresPerSecond,
                                subscribers)));
                System.out.println(lines.getLast());
            }
            List<String> steps = new ArrayList<>();
            for (double rate : rates) {
                for (boolean keep : List.of(true, false)) {
                    receivers.keepConnections(keep);
                    Phase latencies = bench.declare(webhooks, rate, step, subscribers);
                    steps.add(latencies.line(String.format("%s, %.0f declares/s (%.0f deliveries/s)", kind(keep),
                            rate, rate * subscribers)) + (latencies.millis(99) <= GOAL_P99_MILLIS ? "" : "   over"));
                    System.out.println(steps.getLast());
                }
            }
            Arrivals live = new Arrivals();
            Arrivals committed = new Arrivals();
            List<String> live100;
            try (LiveStreamReader stream = new LiveStreamReader(stack.url("timeline-projection"),
                    stack.authorization("viewer"), live);
                 StateTopicReader states = new StateTopicReader(stack.bootstrapServers(), committed)) {
                stream.awaitReady(Duration.ofSeconds(60));
                // each incident is updated every 5 s: its state event comes long before the next update
                List<String> incidents = bench.declare(webhooks, 100, Duration.ofSeconds(5), subscribers).incidents();
                bench.update(live, incidents, updatesPerSecond, Duration.ofSeconds(10));
                List<Arrivals.Command> updates = bench.update(live, incidents, updatesPerSecond, steady).commands();
                live100 = List.of(committed.of(updates, 1).line(String.format(
                                "update 201 -> state record committed (read_committed), %.0f/s", updatesPerSecond)),
                        live.of(updates, 1).line(String.format("update 201 -> state on the live stream, %.0f/s",
                                updatesPerSecond)));
            }
            report(subscribers, steady, step, lines, steps, live100, bench.failures.get());
        }
    }

    /** What a phase sent and the latencies of what arrived for it. */
    private record Phase(List<Arrivals.Command> commands, Arrivals.Latencies latencies) {
        List<String> incidents() {
            return commands.stream().map(Arrivals.Command::incident).toList();
        }

        String line(String name) {
            return latencies.line(name);
        }

        double millis(double percentile) {
            return latencies.millis(percentile);
        }
    }

    private static String kind(boolean keep) {
        return keep ? "receivers keep connections" : "receivers close each connection";
    }

    /** Declares incidents at a fixed rate for a while, then waits for their messages to arrive. */
    private Phase declare(Arrivals arrivals, double perSecond, Duration duration, int expected)
            throws InterruptedException {
        List<Arrivals.Command> declared = paced(perSecond, duration, n -> post("/incidents", "{\"title\":"
                + "\"Checkout down " + n + "\",\"severity\":\"SEV3\",\"summary\":\"Payments fail\"}"));
        awaitArrivals(arrivals, declared, expected);
        return new Phase(declared, arrivals.of(declared, expected));
    }

    /** Posts public updates round-robin over the incidents at a fixed rate, then waits for their state events. */
    private Phase update(Arrivals arrivals, List<String> incidents, double perSecond, Duration duration)
            throws InterruptedException {
        List<Arrivals.Command> updates = paced(perSecond, duration, n -> post("/incidents/"
                + incidents.get(n % incidents.size()) + "/updates", "{\"status\":\"INVESTIGATING\",\"message\":"
                + "\"Still looking\"}"));
        awaitArrivals(arrivals, updates, 1);
        return new Phase(updates, arrivals.of(updates, 1));
    }

    /**
     * Sends {@code perSecond} commands a second, open loop (each at its planned time, whatever the answers before
     * it), noting when each was sent and accepted.
     */
    private List<Arrivals.Command> paced(double perSecond, Duration duration,
                                         Function<Integer, CompletableFuture<HttpResponse<String>>> command)
            throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        int count = (int) (perSecond * duration.toSeconds());
        List<CompletableFuture<Arrivals.Command>> sent = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            long wait = start + n * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sentNanos = System.nanoTime();
            sent.add(command.apply(n).thenApply(answer -> new Arrivals.Command(incidentOf(answer), sentNanos,
                    System.nanoTime())).exceptionally(error -> {
                        failures.incrementAndGet();
                        return null;
                    }));
        }
        return sent.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
    }

    private static void awaitArrivals(Arrivals arrivals, List<Arrivals.Command> commands, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !arrivals.complete(commands, expected)) {
            Thread.sleep(50);
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(commandsUrl + path))
                        .header("Content-Type", "application/json").header("Authorization", commander)
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String incidentOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("The command answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body()).path("incidentId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String incidentOf(byte[] webhook) {
        try {
            return JSON.readTree(webhook).path("data").path("incident").path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(int subscribers, Duration steady, Duration step, List<String> lines,
                               List<String> steps, List<String> live, long failures) {
        System.out.println();
        System.out.printf("End-to-end benchmark: %d cores, Java %s, 1 broker, the three packaged services, %d webhook "
                        + "subscriptions on one local receiver (Standard Webhooks, 4 in flight per destination); "
                        + "latency from the command's 201 to the arrival; %d commands failed%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), subscribers,
                failures);
        System.out.printf("Steady load, %d s each (goal: p99 <= %.0f ms for both receiver kinds):%n",
                steady.toSeconds(), GOAL_P99_MILLIS);
        lines.forEach(System.out::println);
        System.out.printf("Rising load, %d s per step ('over' where p99 > %.0f ms):%n", step.toSeconds(),
                GOAL_P99_MILLIS);
        steps.forEach(System.out::println);
        System.out.printf("Live stream (goal: p99 <= %.0f ms at 100 commands/s), with the projection's part of it:%n",
                GOAL_P99_MILLIS);
        live.forEach(System.out::println);
    }
}
