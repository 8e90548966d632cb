package dev.incidents.bench;

import dev.incidents.avro.IncidentCommand;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The ceiling the decider is measured against: the least an exactly-once Kafka Streams application does per
 * command on this machine. It reads a command from its own copy of incident-commands (same partitions, the same
 * registry-backed Avro serde, the service's commit interval), puts one record in one persistent store and writes
 * one event and one result (keyed by command id, as the decider's results are), in the same transactions.
 */
final class BareStreamsBaseline implements AutoCloseable {

    static final String COMMANDS = "baseline-commands";
    static final String EVENTS = "baseline-events";
    static final String RESULTS = "baseline-results";
    private static final String STORE = "baseline-incidents";

    private final KafkaStreams streams;

    private BareStreamsBaseline(KafkaStreams streams) {
        this.streams = streams;
    }

    static BareStreamsBaseline start(String bootstrapServers, String registryUrl, int partitions, long commitMillis)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(COMMANDS, EVENTS, RESULTS).stream()
                    .map(name -> new NewTopic(name, partitions, (short) 1)).toList()).all().get();
        }
        Serde<IncidentCommand> commands = new RegistryAvroSerdes(registryUrl, false)
                .forValue(IncidentTopic.INCIDENT_COMMANDS);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                commands));
        KStream<String, IncidentCommand> decided = builder.stream(COMMANDS, Consumed.with(Serdes.String(), commands))
                .process(() -> new StoreAndForward<IncidentCommand>(STORE), STORE);
        decided.to(EVENTS, Produced.with(Serdes.String(), commands));
        decided.selectKey((incident, command) -> command.getCommandId())
                .to(RESULTS, Produced.with(Serdes.String(), commands));

        KafkaStreams streams = startRunning(builder.build(), "bare-streams-baseline", bootstrapServers,
                commitMillis);
        return new BareStreamsBaseline(streams);
    }

    /** An exactly-once application of the topology, with the commit interval given, once it is RUNNING. */
    static KafkaStreams startRunning(Topology topology, String applicationId, String bootstrapServers,
                                     long commitMillis) throws Exception {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMillis);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(applicationId).toString());
        KafkaStreams streams = new KafkaStreams(topology, settings);
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                streams.close();
                throw new IllegalStateException("The baseline app did not start: " + streams.state());
            }
            Thread.sleep(100);
        }
        return streams;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }

    /** Keeps each record under its key in one store and passes it on. */
    static final class StoreAndForward<V> implements Processor<String, V, String, V> {

        private final String storeName;
        private ProcessorContext<String, V> context;
        private KeyValueStore<String, V> store;

        StoreAndForward(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<String, V> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            store.put(record.key(), record.value());
            context.forward(record);
        }
    }
}
