package dev.incidents.bench;

import dev.incidents.projection.domain.DetectionPolicy;
import dev.incidents.projection.domain.MaintenanceProjection;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.kafka.ProjectionTopology;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The projection's topology in this JVM, configured as its service runs it (exactly_once_v2, 100 ms commits, 1 s
 * scan, 250 ms settle time), under its own application id and state directory.
 */
final class ProjectionInstance implements AutoCloseable {

    static final long COMMIT_MILLIS = 100;
    private static final String EVENTS = IncidentTopic.INCIDENT_EVENTS.topicName();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final KafkaStreams streams;
    private final String applicationId;
    private final Admin admin;

    private ProjectionInstance(KafkaStreams streams, String applicationId, Admin admin) {
        this.streams = streams;
        this.applicationId = applicationId;
        this.admin = admin;
    }

    static ProjectionInstance start(String bootstrapServers, String registryUrl, String applicationId, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_MILLIS);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(ProjectionTopology.build(new Projection(DetectionPolicy.defaults()),
                MaintenanceProjection.defaults(), new ProjectionTopology.Scan(Duration.ofSeconds(1), Duration.ofMillis(250)),
                new RegistryAvroSerdes(registryUrl, false), new SimpleMeterRegistry(),
                OpenTelemetry.noop().getTracer("bench"), new CloudEvents(URI.create("urn:incidents:bench"),
                        CloudEvents.compatApiOf(registryUrl))), config);
        streams.start();
        return new ProjectionInstance(streams, applicationId,
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)));
    }

    /** Until every incident-events record written so far is processed and its offset committed. */
    void awaitCaughtUp(Duration timeout) throws Exception {
        GroupProgress.awaitCommitted(admin, applicationId, GroupProgress.endOffsets(admin, EVENTS), timeout,
                () -> streams.state() == KafkaStreams.State.ERROR);
    }

    long eventsWritten() throws Exception {
        return GroupProgress.endOffsets(admin, EVENTS).values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU time of the stream threads, which do all the projection's work. */
    long streamThreadCpuNanos() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith(applicationId)
                        && info.getThreadName().contains("StreamThread"))
                .mapToLong(info -> THREADS.getThreadCpuTime(info.getThreadId())).sum();
    }

    /** A Kafka Streams thread-level metric (summed over threads), e.g. punctuate-total. */
    double threadMetric(String name) {
        return streams.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals("stream-thread-metrics")
                        && entry.getKey().name().equals(name))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue()).sum();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        admin.close();
    }
}
