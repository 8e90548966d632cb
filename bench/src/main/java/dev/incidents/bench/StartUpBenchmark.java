package dev.incidents.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How soon each packaged service is ready (its readiness check UP) after launch on data it already has, on a real
 * broker, registry and identity provider: launched plainly, then with a class-data archive the JVM made on an
 * earlier run ({@code -XX:+AutoCreateSharedArchive}), then with an ahead-of-time cache from a training run
 * ({@code -XX:AOTCacheOutput}, JDK 24+). Each service runs under a stable instance name, so a restart keeps its
 * place in its group. The baseline is the plain launch in the same run. Also the resident set just after each
 * start.
 */
public final class StartUpBenchmark {

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(StartUpBenchmark.class, StartUpBenchmark::run);
    }

    private static void run() throws Exception {
        int launches = Integer.getInteger("bench.launches", 3);
        int incidents = Integer.getInteger("bench.incidents", 1000);
        Path caches = Files.createTempDirectory("start-up-caches");
        Map<String, List<String>> lines = new LinkedHashMap<>();
        try (ServiceStack stack = ServiceStack.start("512m", Map.of())) {
            declare(stack, incidents);
            for (String service : ServiceStack.SERVICES) {
                Launches plain = launches(stack, service, "plain", List.of(), launches);
                List<String> archive = List.of("-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=" + caches.resolve(service + ".jsa"));
                stack.restart(service, archive);
                Launches archived = launches(stack, service, "class-data archive", archive, launches);
                Path aot = caches.resolve(service + ".aot");
                stack.restart(service, List.of("-XX:AOTCacheOutput=" + aot));
                declare(stack, 100);
                stack.restart(service, List.of());
                if (!Files.isRegularFile(aot)) {
                    throw new IllegalStateException("The training run of " + service + " left no AOT cache");
                }
                Launches cached = launches(stack, service, "AOT cache", List.of("-XX:AOTCache=" + aot), launches);
                List<String> serviceLines = List.of(plain.line(service, plain), archived.line(service, plain),
                        cached.line(service, plain));
                lines.put(service, serviceLines);
                serviceLines.forEach(System.out::println);
            }
        }
        System.out.println();
        System.out.printf("Start-up benchmark: %d cores, Java %s, 1 broker, the three packaged services (-Xmx512m), "
                        + "%d incidents in their stores; launch until /q/health/ready answers 200, %d launches "
                        + "each (goal: ready within 3 s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), incidents, launches);
        lines.values().forEach(serviceLines -> serviceLines.forEach(System.out::println));
    }

    /** One way of launching a service: each launch's time to ready, and the largest resident set at ready. */
    private record Launches(String how, List<Long> millis, long residentMax) {
        long median() {
            return millis.get(millis.size() / 2);
        }

        String line(String service, Launches baseline) {
            return String.format("%-20s %-20s ready after %s ms (median %d ms, %.2f of plain)   resident set at "
                            + "ready, at most %.0f MB", service, how, millis, median(),
                    (double) median() / baseline.median(), residentMax / 1024.0 / 1024.0);
        }
    }

    /** Restarts the service {@code count} times with the options. */
    private static Launches launches(ServiceStack stack, String service, String how, List<String> jvmOptions,
                                     int count) throws Exception {
        List<Duration> times = new ArrayList<>();
        long residentMax = 0;
        for (int i = 0; i < count; i++) {
            times.add(stack.restart(service, jvmOptions));
            residentMax = Math.max(residentMax, HeapProbe.residentBytes(stack.services().get(service)));
        }
        return new Launches(how, times.stream().map(Duration::toMillis).sorted().toList(), residentMax);
    }

    /** Declares incidents over HTTP, 16 at a time, so that every service has data to start on. */
    private static void declare(ServiceStack stack, int count) {
        HttpClient http = HttpClient.newHttpClient();
        String authorization = stack.authorization("commander");
        List<CompletableFuture<HttpResponse<Void>>> inFlight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(stack.url("incident-commands")
                            + "/incidents")).header("Content-Type", "application/json")
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Start-up " + i + "\",\"severity\":"
                            + "\"SEV3\",\"summary\":\"Payments fail\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()));
            if (inFlight.size() == 16) {
                inFlight.forEach(CompletableFuture::join);
                inFlight.clear();
            }
        }
        inFlight.forEach(CompletableFuture::join);
    }
}
