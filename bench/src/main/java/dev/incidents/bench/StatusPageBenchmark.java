package dev.incidents.bench;

import dev.incidents.deploy.Background;
import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.testing.EmbeddedKafka;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * What the public status costs the projection: the packaged service answering summary.json, incidents.json, the
 * components' uptime (uptimes.json) and the Atom feed with no reuse of a gathered board ({@code incidents.status-page.cache-for=0s}, the worst case), beside
 * the first page of its own incident list (500 incidents at most, but every view is read to find them; views only,
 * no timelines; read with a viewer's token, as dashboards read it) in the same run, as the incidents within the 90-day window grow. A tenth of them are open; each has a public and an
 * internal update, the rest are resolved.
 */
public final class StatusPageBenchmark {

    private static final List<String> PUBLIC_PATHS = List.of("/api/v2/summary.json", "/api/v2/incidents.json",
            "/api/v2/uptimes.json", "/history.atom");
    private static final String BASELINE_PATH = "/incidents?limit=500";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(StatusPageBenchmark.class, StatusPageBenchmark::run);
    }

    private record Figures(int incidents, String path, int requests, double seconds, Histogram micros, int bytes) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static void run() throws Exception {
        List<Integer> counts = Arrays.stream(System.getProperty("bench.incidents", "100,1000,10000").split(","))
                .map(String::trim).map(Integer::valueOf).sorted().toList();
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Path work = Files.createTempDirectory("status-page-bench");
        CompletableFuture<IdentityProvider> starting = Background.start(() -> IdentityProvider.start(
                Path.of(System.getProperty("keycloak.home")), ManagedProcess.freePort(), work.resolve("keycloak"),
                work.resolve("keycloak.log")));
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), null, work.resolve("registry.log"));
        ManagedProcess projection = null;
        IdentityProvider keycloak = Background.await(starting);
        try (EventWriter writer = new EventWriter(kafka.bootstrapServers(), registry.nativeApiUrl())) {
            new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl()).provision(3, (short) 1);
            int port = ManagedProcess.freePort();
            projection = ServiceProcess.start("timeline-projection", Path.of(System.getProperty("projection.jar")),
                    port, kafka.bootstrapServers(), registry.nativeApiUrl(), work.resolve("projection"),
                    work.resolve("projection.log"), "768m", "incidents.status-page.cache-for=0s",
                    "quarkus.oidc.auth-server-url=" + keycloak.issuerUrl());
            Tokens tokens = keycloak.tokens();
            String baseUrl = "http://127.0.0.1:" + port;
            List<Figures> figures = new ArrayList<>();
            int written = 0;
            for (int count : counts) {
                write(writer, count - written);
                written = count;
                awaitIncidents(baseUrl, count, tokens.of("viewer"));
                for (String path : PUBLIC_PATHS) {
                    figures.add(measure(baseUrl, path, null, count, measure));
                }
                // a dashboard's read: signed in, as every dashboard is
                figures.add(measure(baseUrl, BASELINE_PATH, tokens.of("viewer"), count, measure));
            }
            report(figures, measure);
        } finally {
            if (projection != null) {
                projection.close();
            }
            registry.close();
            kafka.close();
            keycloak.close();
        }
    }

    /** Declares {@code count} incidents with a public and an internal update each; nine in ten are then resolved. */
    private static void write(EventWriter writer, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "status-" + UUID.randomUUID()).toList();
        Instant now = Instant.now();
        writer.declare(ids, now, i -> now.plus(Duration.ofMinutes(15)));
        writer.update(ids, 2, now, now.plus(Duration.ofMinutes(15)));
        writer.update(ids, 3, now, now.plus(Duration.ofMinutes(15)));
        writer.resolve(ids.subList(0, count - count / 10), 4, now);
        writer.flush();
    }

    private static void awaitIncidents(String baseUrl, int count, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = get(baseUrl + BASELINE_PATH, token);
                if (answer.statusCode() == 200 && occurrences(answer.body(), "\"incidentId\"") >= count
                        && occurrences(answer.body(), "\"version\":4") >= count - count / 10) {
                    return;
                }
            } catch (IOException notYet) {
                // The service is still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The projection did not show " + count + " incidents in time");
    }

    /**
     * Sequential requests for two seconds of warm-up, then for {@code duration}, each one's latency recorded.
     *
     * @param token a bearer token to send, or null
     */
    private static Figures measure(String baseUrl, String path, String token, int incidents, Duration duration)
            throws Exception {
        requestFor(baseUrl + path, token, Duration.ofSeconds(2), new Histogram(60_000_000, 3));
        Histogram micros = new Histogram(60_000_000, 3);
        long started = System.nanoTime();
        int[] last = requestFor(baseUrl + path, token, duration, micros);
        return new Figures(incidents, path, last[0], (System.nanoTime() - started) / 1e9, micros, last[1]);
    }

    /** @return the number of requests and the size of the last answer */
    private static int[] requestFor(String url, String token, Duration duration, Histogram micros)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        int requests = 0;
        int bytes = 0;
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = get(url, token);
            micros.recordValue(Math.min((System.nanoTime() - sent) / 1000, 60_000_000));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            bytes = answer.body().length();
            requests++;
        }
        return new int[] {requests, bytes};
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int occurrences(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }

    private static void report(List<Figures> figures, Duration measure) {
        System.out.printf("%nPublic status answers, packaged projection, no board reuse, sequential requests for %d s "
                + "each (2 cores shared with the broker and the registry)%n", measure.toSeconds());
        System.out.printf("%-10s %-24s %10s %10s %10s %12s %12s%n", "incidents", "path", "req/s", "p50 ms",
                "p99 ms", "bytes", "vs /incidents");
        for (Figures f : figures) {
            Figures baseline = figures.stream().filter(b -> b.incidents() == f.incidents()
                    && b.path().equals(BASELINE_PATH)).findFirst().orElseThrow();
            System.out.printf("%-10d %-24s %10.1f %10.2f %10.2f %12d %12.2f%n", f.incidents(), f.path(),
                    f.perSecond(), f.micros().getValueAtPercentile(50) / 1000.0,
                    f.micros().getValueAtPercentile(99) / 1000.0, f.bytes(), f.perSecond() / baseline.perSecond());
        }
    }
}
