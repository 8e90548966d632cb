package dev.incidents.bench;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.PostUpdate;
import dev.incidents.deploy.EmbeddedKafka;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ServiceProcess;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command path on this machine: HTTP updates at saturation and at a fixed rate against the packaged service on a
 * real broker and registry, beside Kafka's own producer throughput for records of the same size, in the same run.
 */
public final class CommandPathBenchmark {

    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\":\"([^\"]+)\"");

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception e) {
            LoggerFactory.getLogger(CommandPathBenchmark.class).error("Benchmark failed", e);
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 10));
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int incidents = Integer.getInteger("bench.incidents", 64);
        int partitions = Integer.getInteger("bench.partitions", 3);
        String fixedRate = System.getProperty("bench.rate", "");

        Path work = Files.createTempDirectory("incident-bench");
        KafkaClusterTestKit kafka = EmbeddedKafka.startOneBroker();
        RegistryServer registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), freePort(), null,
                work.resolve("registry.log"));
        new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl()).provision(partitions, (short) 1);
        int port = freePort();
        ManagedProcess service = ServiceProcess.start("incident-commands", Path.of(System.getProperty("service.jar")),
                port, kafka.bootstrapServers(), registry.nativeApiUrl(), work.resolve("service"),
                work.resolve("service.log"), "512m");
        try {
            String baseUrl = "http://127.0.0.1:" + port;
            HttpLoad load = new HttpLoad(baseUrl, declare(baseUrl, incidents));
            load.saturation("warm-up", concurrency, warmup);
            LoadResult saturated = load.saturation("http updates, " + concurrency + " in flight", concurrency,
                    measure);
            double rate = fixedRate.isEmpty() ? Math.max(10, Math.floor(saturated.perSecond() / 2))
                    : Double.parseDouble(fixedRate);
            LoadResult paced = load.fixedRate(String.format("http updates, fixed %.0f/s", rate), rate, measure);
            int recordSize = commandRecordSize();
            LoadResult baseline = ProducerBaseline.measure(kafka.bootstrapServers(), recordSize, partitions, measure);
            report(recordSize, partitions, measure, saturated, paced, baseline);
        } finally {
            service.close();
            registry.close();
        }
    }

    private static void report(int recordSize, int partitions, Duration measure, LoadResult saturated,
                               LoadResult paced, LoadResult baseline) {
        System.out.println();
        System.out.printf("Command path benchmark: %d cores, Java %s, 1 broker, %d partitions, %d s per phase%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), partitions,
                measure.toSeconds());
        System.out.printf("Each update: HTTP -> incident-commands -> exactly-once decider -> event + result -> HTTP 201"
                + " (command record %d bytes)%n", recordSize);
        System.out.println(saturated.line());
        System.out.println(paced.line());
        System.out.println(baseline.line() + "   (" + recordSize + " B records, acks=all, idempotent)");
        System.out.printf("ratio: saturated commands/s / producer records/s = %.4f (1 command = %s)%n",
                saturated.perSecond() / baseline.perSecond(),
                "1 command record + 1 event + 1 result + state-store changelog, in one transaction");
    }

    private static List<String> declare(String baseUrl, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/incidents"))
                    .header("Content-Type", "application/json")
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

    /** Confluent framing (5 bytes) plus the Avro encoding of a typical update command. */
    private static int commandRecordSize() throws IOException {
        IncidentCommand command = IncidentCommand.newBuilder().setCommandId(UUID.randomUUID().toString())
                .setIncidentId(UUID.randomUUID().toString()).setActor(new Actor("anonymous", ActorKind.PERSON))
                .setRequestFingerprint("0".repeat(64))
                .setCommand(new PostUpdate(IncidentStatus.INVESTIGATING, "Benchmark update", Audience.PUBLIC, null))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<IncidentCommand>(IncidentCommand.getClassSchema(),
                SpecificData.getForClass(IncidentCommand.class)).write(command, encoder);
        encoder.flush();
        return 5 + out.size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
