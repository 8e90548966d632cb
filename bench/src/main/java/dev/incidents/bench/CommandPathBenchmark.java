package dev.incidents.bench;

import dev.incidents.deploy.IdentityProvider;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.testing.EmbeddedKafka;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command path on this machine: HTTP updates at saturation and at a fixed rate against the packaged service on a
 * real broker and registry, beside Kafka's own producer throughput for records of the same size, in the same run.
 */
public final class CommandPathBenchmark {

    /** The service's kafka-streams.commit.interval.ms, which the baseline app is given too. */
    private static final long COMMIT_INTERVAL_MILLIS = 50;
    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\":\"([^\"]+)\"");

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(CommandPathBenchmark.class, CommandPathBenchmark::run);
    }

    private static void run() throws Exception {
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 10));
        List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "32,128,512").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int incidents = Integer.getInteger("bench.incidents", 64);
        int partitions = Integer.getInteger("bench.partitions", 3);
        String fixedRate = System.getProperty("bench.rate", "");

        Path work = Files.createTempDirectory("incident-bench");
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), null,
                work.resolve("registry.log"));
        new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl()).provision(partitions, (short) 1);
        // Every request is signed in, as in production: the service checks each token's signature and roles.
        IdentityProvider keycloak = IdentityProvider.start(Path.of(System.getProperty("keycloak.home")),
                ManagedProcess.freePort(), work.resolve("keycloak"), work.resolve("keycloak.log"));
        int port = ManagedProcess.freePort();
        ManagedProcess service = ServiceProcess.start("incident-commands", Path.of(System.getProperty("service.jar")),
                port, kafka.bootstrapServers(), registry.nativeApiUrl(), work.resolve("service"),
                work.resolve("service.log"), "512m", "quarkus.oidc.auth-server-url=" + keycloak.issuerUrl());
        try {
            String baseUrl = "http://127.0.0.1:" + port;
            String authorization = "Bearer " + keycloak.tokens().of("commander");
            HttpLoad load = new HttpLoad(baseUrl, authorization, declare(baseUrl, authorization, incidents));
            load.saturation("warm-up", concurrencies.get(0), warmup);
            List<LoadResult> phases = new ArrayList<>();
            for (int concurrency : concurrencies) {
                phases.add(load.saturation("http updates, " + concurrency + " in flight", concurrency, measure));
            }
            LoadResult saturated = phases.stream().max(Comparator.comparingDouble(LoadResult::perSecond))
                    .orElseThrow();
            double rate = fixedRate.isEmpty() ? Math.max(10, Math.floor(saturated.perSecond() / 2))
                    : Double.parseDouble(fixedRate);
            LoadResult paced = load.fixedRate(String.format("http updates, fixed %.0f/s", rate), rate, measure);
            int directCommands = Integer.getInteger("bench.direct-commands", 20_000);
            LoadResult direct = DirectCommands.measure(kafka.bootstrapServers(), registry.confluentApiUrl(),
                    load.incidents(), directCommands);
            LoadResult bare;
            try (BareStreamsBaseline ignored = BareStreamsBaseline.start(kafka.bootstrapServers(),
                    registry.nativeApiUrl(), partitions, COMMIT_INTERVAL_MILLIS)) {
                bare = DirectCommands.measure("kafka commands, bare EOS streams app", kafka.bootstrapServers(),
                        registry.confluentApiUrl(), load.incidents(), directCommands, BareStreamsBaseline.COMMANDS,
                        BareStreamsBaseline.RESULTS);
            }
            int recordSize = DirectCommands.commandRecordSize();
            LoadResult baseline = ProducerBaseline.measure(kafka.bootstrapServers(), recordSize, partitions, measure);
            phases.add(paced);
            phases.add(direct);
            phases.add(bare);
            report(recordSize, partitions, measure, phases, List.of(saturated, direct), baseline);
            reportGoals(saturated, paced, direct, bare);
        } finally {
            service.close();
            keycloak.close();
            registry.close();
            kafka.close();
        }
    }

    private static void report(int recordSize, int partitions, Duration measure, List<LoadResult> phases,
                               List<LoadResult> compared, LoadResult baseline) {
        System.out.println();
        System.out.printf("Command path benchmark: %d cores, Java %s, 1 broker, %d partitions, %d s per phase%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), partitions,
                measure.toSeconds());
        System.out.printf("Each update: HTTP -> incident-commands -> exactly-once decider -> event + result -> HTTP 201"
                + " (command record %d bytes)%n", recordSize);
        phases.forEach(phase -> System.out.println(phase.line()));
        System.out.println(baseline.line() + "   (" + recordSize + " B records, acks=all, idempotent)");
        System.out.println("Each command costs 1 command record, then in one transaction 1 event, 1 result and 2 "
                + "state-store changelog records.");
        for (LoadResult phase : compared) {
            System.out.printf("ratio: %s / kafka producer = %.4f%n", phase.phase(),
                    phase.perSecond() / baseline.perSecond());
        }
    }

    /** The goals: each figure beside its baseline from this same run. */
    private static void reportGoals(LoadResult saturated, LoadResult paced, LoadResult direct, LoadResult bare) {
        System.out.printf("goal: decider only / bare EOS streams app = %.2f (goal >= 0.5)%n",
                direct.perSecond() / bare.perSecond());
        System.out.printf("goal: HTTP at saturation / decider only = %.2f (goal >= 0.5)%n",
                saturated.perSecond() / direct.perSecond());
        System.out.printf("goal: HTTP p99 at half saturation = %.1f ms (goal <= %d ms, twice the commit interval)%n",
                paced.latencyMicros().getValueAtPercentile(99) / 1000.0, 2 * COMMIT_INTERVAL_MILLIS);
    }

    private static List<String> declare(String baseUrl, String authorization, int count)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/incidents"))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Benchmark " + i + "\",\"severity\":\"SEV4\","
                            + "\"summary\":\"Benchmark incident\"}")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = INCIDENT_ID.matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("Declare failed: " + response.statusCode() + " " + response.body());
            }
            ids.add(id.group(1));
        }
        return ids;
    }

}
