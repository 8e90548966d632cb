package dev.incidents.bench;

import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.EmbeddedKafka;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The projection on this machine, in one run on a real broker and registry: (b) stream-thread CPU per deadline scan
 * with 1k, 10k and 100k open incidents and nothing due; (c) how late UpdateOverdue reaches a consumer after its
 * deadline; (a) rebuilding state from 1M events beside a plain consumer reading the same topic and a bare
 * exactly-once Kafka Streams app doing one put and one output per event, in rounds.
 */
public final class ProjectionBenchmark {

    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    public static void main(String[] args) {
        BenchmarkRun.exitAfter(ProjectionBenchmark.class, ProjectionBenchmark::run);
    }

    private static void run() throws Exception {
        List<Integer> openCounts = Arrays.stream(System.getProperty("bench.open-incidents", "1000,10000,100000")
                .split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
        int eventsPerIncident = Integer.getInteger("bench.events-per-incident", 10);
        Duration idle = Duration.ofSeconds(Integer.getInteger("bench.idle-seconds", 20));
        int overdueIncidents = Integer.getInteger("bench.overdue-incidents", 300);
        int partitions = Integer.getInteger("bench.partitions", 3);
        int rounds = Integer.getInteger("bench.rebuild-rounds", 3);

        Path work = Files.createTempDirectory("projection-bench");
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), null, work.resolve("registry.log"));
        String bootstrap = kafka.bootstrapServers();
        String registryUrl = registry.nativeApiUrl();
        try {
            new Provisioner(bootstrap, registry.confluentApiUrl()).provision(partitions, (short) 1);
            try (EventWriter writer = new EventWriter(bootstrap, registryUrl);
                 ClockTicks ticks = new ClockTicks(bootstrap)) {
                List<String> incidents = new ArrayList<>();
                List<IdleCost> costs = new ArrayList<>();
                Histogram lateness;
                try (ProjectionInstance live = ProjectionInstance.start(bootstrap, registryUrl, "bench-live",
                        work.resolve("live"))) {
                    for (int open : openCounts) {
                        List<String> more = newIds(open - incidents.size());
                        incidents.addAll(more);
                        Instant now = Instant.now();
                        writer.declare(more, now, i -> now.plus(Duration.ofHours(2)));
                        writer.flush();
                        live.awaitCaughtUp(CATCH_UP);
                        costs.add(IdleCost.measure(live, open, idle));
                    }
                    lateness = OverdueLateness.measure(bootstrap, registryUrl, writer, overdueIncidents);
                }
                List<Rebuild> rebuilds = rebuild(bootstrap, registryUrl, work, writer, incidents, eventsPerIncident,
                        rounds);
                report(partitions, idle, costs, overdueIncidents, lateness, rebuilds);
            }
        } finally {
            registry.close();
            kafka.close();
        }
    }

    /** One round of the rebuild phase: the rebuild and its three baselines, measured one after another. */
    private record Rebuild(long events, double seconds, double plainBytesPerSecond, double plainAvroPerSecond,
                           double bareStreamsPerSecond) {
        double perSecond() {
            return events / seconds;
        }

        double toAvro() {
            return perSecond() / plainAvroPerSecond;
        }

        double toBare() {
            return perSecond() / bareStreamsPerSecond;
        }
    }

    /**
     * Every incident gets its further updates; then, in each round, the baselines read the whole topic and a fresh
     * projection (new application id, empty state) rebuilds from it. Rounds repeat it because single runs on this
     * machine vary by a fifth.
     */
    private static List<Rebuild> rebuild(String bootstrap, String registryUrl, Path work, EventWriter writer,
                                         List<String> incidents, int eventsPerIncident, int rounds) throws Exception {
        Instant now = Instant.now();
        for (int sequence = 2; sequence <= eventsPerIncident; sequence++) {
            writer.update(incidents, sequence, now, now.plus(Duration.ofHours(2)));
        }
        writer.flush();
        List<Rebuild> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            measured.add(rebuildRound(bootstrap, registryUrl, work, round));
        }
        return measured;
    }

    private static Rebuild rebuildRound(String bootstrap, String registryUrl, Path work, int round) throws Exception {
        String topic = IncidentTopic.INCIDENT_EVENTS.topicName();
        double bytes = TopicReadBaseline.recordsPerSecond(bootstrap, topic, null);
        double avro = TopicReadBaseline.recordsPerSecond(bootstrap, topic,
                new RegistryAvroSerdes(registryUrl, false).forValue(IncidentTopic.INCIDENT_EVENTS).deserializer());
        double bare = BareRebuildBaseline.eventsPerSecond(bootstrap, registryUrl, ProjectionInstance.COMMIT_MILLIS,
                CATCH_UP, round);
        long start = System.nanoTime();
        try (ProjectionInstance fresh = ProjectionInstance.start(bootstrap, registryUrl, "bench-rebuild-" + round,
                work.resolve("rebuild-" + round))) {
            fresh.awaitCaughtUp(CATCH_UP);
            return new Rebuild(fresh.eventsWritten(), (System.nanoTime() - start) / 1e9, bytes, avro, bare);
        }
    }

    private static double median(List<Rebuild> rounds, ToDoubleFunction<Rebuild> figure) {
        double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<String> newIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("bench-" + UUID.randomUUID());
        }
        return ids;
    }

    private static void report(int partitions, Duration idle, List<IdleCost> costs, int overdueIncidents,
                               Histogram lateness, List<Rebuild> rebuilds) {
        System.out.println();
        System.out.printf("Projection benchmark: %d cores, Java %s, 1 broker, %d partitions; the projection's "
                        + "topology in-process, exactly_once_v2, 100 ms commits, ticks every 500 ms, scan every 1 s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), partitions);
        System.out.printf("(b) deadline scans with nothing due, over %d s each:%n", idle.toSeconds());
        costs.forEach(cost -> System.out.println("    " + cost.line()));
        IdleCost first = costs.get(0);
        IdleCost last = costs.get(costs.size() - 1);
        System.out.printf("    CPU per scan at %,d open / at %,d open = %.2f%n", last.openIncidents(),
                first.openIncidents(), last.cpuMicrosPerScan() / first.cpuMicrosPerScan());
        System.out.printf("(c) UpdateOverdue, deadline -> received by a read_committed consumer, %d incidents: "
                        + "p50 %d ms, p99 %d ms, max %d ms%n", overdueIncidents, lateness.getValueAtPercentile(50),
                lateness.getValueAtPercentile(99), lateness.getMaxValue());
        System.out.printf("(a) rebuild from %,d events, %d rounds (each: plain consumer bytes / Avro-decoded, bare "
                + "exactly-once Streams app doing one put and one output per event, then the rebuild):%n",
                rebuilds.get(0).events(), rebuilds.size());
        for (Rebuild round : rebuilds) {
            System.out.printf("    %,.0f / %,.0f records/s, bare %,.0f events/s, rebuild %.1f s = %,.0f events/s: "
                            + "rebuild / Avro %.4f, rebuild / bare %.2f%n", round.plainBytesPerSecond(),
                    round.plainAvroPerSecond(), round.bareStreamsPerSecond(), round.seconds(), round.perSecond(),
                    round.toAvro(), round.toBare());
        }
        System.out.printf("    median: rebuild %,.0f events/s; rebuild / Avro-decoding consumer %.4f (goal >= 0.25); "
                        + "rebuild / bare Streams app %.2f; bare app / Avro consumer %.3f%n",
                median(rebuilds, Rebuild::perSecond), median(rebuilds, Rebuild::toAvro),
                median(rebuilds, Rebuild::toBare),
                median(rebuilds, round -> round.bareStreamsPerSecond() / round.plainAvroPerSecond()));
    }
}
