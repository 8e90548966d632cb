package dev.incidents.bench;

import dev.incidents.avro.IncidentEvent;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ceiling a rebuild is measured against, beside the plain consumer: the least an exactly-once Kafka Streams
 * application does per event on this machine. It reads incident-events from the start with the registry-backed Avro
 * serde and the projection's commit interval, puts each event in one persistent store under its incident and writes
 * it to one output topic, in the same transactions. The projection does that several times per event (view,
 * timeline, timers, state), so this is what one of those costs.
 */
final class BareRebuildBaseline {

    private static final String STORE = "baseline-rebuild-views";

    private BareRebuildBaseline() {
    }

    /**
     * Events per second from the start until its committed offsets reach the end of incident-events.
     *
     * @param round tells this run's application id and output topic from those of earlier runs
     */
    static double eventsPerSecond(String bootstrapServers, String registryUrl, long commitMillis, Duration timeout,
                                  int round) throws Exception {
        String events = IncidentTopic.INCIDENT_EVENTS.topicName();
        String applicationId = "bare-rebuild-baseline-" + round;
        String output = "baseline-rebuild-state-" + round;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = GroupProgress.endOffsets(admin, events);
            admin.createTopics(List.of(new NewTopic(output, ends.size(), (short) 1))).all().get();
            Serde<IncidentEvent> avro = new RegistryAvroSerdes(registryUrl, false)
                    .forValue(IncidentTopic.INCIDENT_EVENTS);
            StreamsBuilder builder = new StreamsBuilder();
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                    Serdes.String(), avro));
            builder.stream(events, Consumed.with(Serdes.String(), avro))
                    .process(() -> new BareStreamsBaseline.StoreAndForward<IncidentEvent>(STORE), STORE)
                    .to(output, Produced.with(Serdes.String(), avro));
            long start = System.nanoTime();
            KafkaStreams streams = BareStreamsBaseline.startRunning(builder.build(), applicationId,
                    bootstrapServers, commitMillis);
            try {
                GroupProgress.awaitCommitted(admin, applicationId, ends, timeout,
                        () -> streams.state() == KafkaStreams.State.ERROR);
                double seconds = (System.nanoTime() - start) / 1e9;
                return ends.values().stream().mapToLong(Long::longValue).sum() / seconds;
            } finally {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }
}
