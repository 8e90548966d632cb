package dev.incidents.commands.kafka;

import dev.incidents.avro.CommandResult;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.avro.internal.DedupKeyRequest;
import dev.incidents.avro.internal.RoutedCommand;
import dev.incidents.commands.domain.Incident;
import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.Maintenance;
import dev.incidents.commands.domain.MaintenanceDecider;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.AvroSerdes;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.wire.ContractDecoder;
import dev.incidents.support.wire.DeadLetterMeter;
import dev.incidents.support.wire.JsonSerde;
import dev.incidents.support.wire.SingleObjectAvroSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * Commands in, events and results out. Three phases:
 * consume (decode incident-commands, dead-lettering what cannot be read), decide (the per-incident single writer,
 * with the dedup-key registry beside it), produce (events, results, internal routing). Maintenance windows are
 * decided the same way in a sub-topology of their own, from maintenance-commands to maintenance-events.
 */
public final class DeciderTopology {

    private static final String COMMANDS_TOPIC = IncidentTopic.INCIDENT_COMMANDS.topicName();

    static final String COMMANDS_SOURCE = "incident-commands-source";
    static final String ROUTED_COMMANDS_SOURCE = "routed-commands-source";
    static final String DEDUP_KEY_REQUESTS_SOURCE = "dedup-key-requests-source";
    static final String DECODER = "command-decoder";
    static final String DECIDER = "incident-decider";
    static final String DEDUP_KEY_REGISTRY = "dedup-key-registry";
    static final String EVENTS_SINK = "incident-events-sink";
    static final String RESULTS_SINK = "command-results-sink";
    static final String DEDUP_KEY_REQUESTS_SINK = "dedup-key-requests-sink";
    static final String ROUTED_COMMANDS_SINK = "routed-commands-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";
    static final String MAINTENANCE_COMMANDS_SOURCE = "maintenance-commands-source";
    static final String MAINTENANCE_DECODER = "maintenance-command-decoder";
    static final String MAINTENANCE_DECIDER = "maintenance-decider";
    static final String MAINTENANCE_EVENTS_SINK = "maintenance-events-sink";
    static final String MAINTENANCE_RESULTS_SINK = "maintenance-command-results-sink";
    static final String MAINTENANCE_DEAD_LETTER_SINK = "maintenance-dead-letter-sink";

    public static final String INCIDENT_STORE = "incident-decider-state";
    public static final String DECIDED_COMMANDS_STORE = "decided-commands";
    public static final String DEDUP_KEY_STORE = "dedup-key-holders";
    public static final String MAINTENANCE_STORE = "maintenance-decider-state";
    public static final String MAINTENANCE_DECIDED_COMMANDS_STORE = "maintenance-decided-commands";

    private DeciderTopology() {
    }

    /**
     * @param registry    where the count of dead letters goes
     * @param tracer      makes the span of each decision, in the trace the command's record carries
     * @param cloudEvents the attributes every event record carries as CloudEvents headers
     */
    public static Topology build(IncidentDecider decider, MaintenanceDecider maintenanceDecider, Clock clock,
                                 AvroSerdes avro, MeterRegistry registry, Tracer tracer, CloudEvents cloudEvents) {
        Serde<String> keys = Serdes.String();
        Counter deadLetters = DeadLetterMeter.counter(registry, IncidentTopic.INCIDENT_COMMANDS_DLQ.topicName());
        Serde<IncidentCommand> commands = avro.forValue(IncidentTopic.INCIDENT_COMMANDS);
        Serde<RoutedCommand> routed = avro.forValue(IncidentTopic.INCIDENT_ROUTED_COMMANDS);
        Serde<DedupKeyRequest> dedupRequests = avro.forValue(IncidentTopic.INCIDENT_DEDUP_KEYS);
        Topology topology = new Topology();

        // consume
        topology.addSource(COMMANDS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(), COMMANDS_TOPIC);
        topology.addSource(ROUTED_COMMANDS_SOURCE, keys.deserializer(), routed.deserializer(),
                IncidentTopic.INCIDENT_ROUTED_COMMANDS.topicName());
        topology.addSource(DEDUP_KEY_REQUESTS_SOURCE, keys.deserializer(), dedupRequests.deserializer(),
                IncidentTopic.INCIDENT_DEDUP_KEYS.topicName());
        topology.addProcessor(DECODER, () -> new ContractDecoder<>(commands.deserializer(), "IncidentCommand",
                (key, command) -> command.getIncidentId().equals(key), DECIDER, DEAD_LETTER_SINK, deadLetters),
                COMMANDS_SOURCE);

        // decide
        topology.addProcessor(DECIDER, () -> new IncidentDeciderProcessor(decider, clock, tracer, cloudEvents), DECODER,
                ROUTED_COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENT_STORE), keys,
                new JsonSerde<>(Incident.class)), DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECIDED_COMMANDS_STORE),
                keys, new SingleObjectAvroSerde<>(CommandResult.class)), DECIDER);
        topology.addProcessor(DEDUP_KEY_REGISTRY, DedupKeyRegistry::new, DEDUP_KEY_REQUESTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEDUP_KEY_STORE), keys,
                Serdes.String()), DEDUP_KEY_REGISTRY);

        // produce
        topology.addSink(EVENTS_SINK, IncidentTopic.INCIDENT_EVENTS.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.INCIDENT_EVENTS).serializer(), DECIDER);
        topology.addSink(RESULTS_SINK, IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.INCIDENT_COMMAND_RESULTS).serializer(), DECIDER);
        topology.addSink(DEDUP_KEY_REQUESTS_SINK, IncidentTopic.INCIDENT_DEDUP_KEYS.topicName(), keys.serializer(),
                dedupRequests.serializer(), DECIDER);
        topology.addSink(ROUTED_COMMANDS_SINK, IncidentTopic.INCIDENT_ROUTED_COMMANDS.topicName(), keys.serializer(),
                routed.serializer(), DEDUP_KEY_REGISTRY);
        topology.addSink(DEAD_LETTER_SINK, IncidentTopic.INCIDENT_COMMANDS_DLQ.topicName(), keys.serializer(),
                Serdes.ByteArray().serializer(), DECODER);

        addMaintenance(topology, maintenanceDecider, clock, avro, registry, tracer, cloudEvents);
        return topology;
    }

    private static void addMaintenance(Topology topology, MaintenanceDecider decider, Clock clock, AvroSerdes avro,
                                       MeterRegistry registry, Tracer tracer, CloudEvents cloudEvents) {
        Serde<String> keys = Serdes.String();
        Serde<MaintenanceCommand> commands = avro.forValue(IncidentTopic.MAINTENANCE_COMMANDS);
        Counter deadLetters = DeadLetterMeter.counter(registry, IncidentTopic.MAINTENANCE_COMMANDS_DLQ.topicName());
        topology.addSource(MAINTENANCE_COMMANDS_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(),
                IncidentTopic.MAINTENANCE_COMMANDS.topicName());
        topology.addProcessor(MAINTENANCE_DECODER, () -> new ContractDecoder<>(commands.deserializer(),
                "MaintenanceCommand", (key, command) -> command.getMaintenanceId().equals(key), MAINTENANCE_DECIDER,
                MAINTENANCE_DEAD_LETTER_SINK, deadLetters), MAINTENANCE_COMMANDS_SOURCE);
        topology.addProcessor(MAINTENANCE_DECIDER, () -> new MaintenanceDeciderProcessor(decider, clock, tracer,
                cloudEvents), MAINTENANCE_DECODER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MAINTENANCE_STORE), keys,
                new JsonSerde<>(Maintenance.class)), MAINTENANCE_DECIDER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                MAINTENANCE_DECIDED_COMMANDS_STORE), keys, new SingleObjectAvroSerde<>(CommandResult.class)),
                MAINTENANCE_DECIDER);
        topology.addSink(MAINTENANCE_EVENTS_SINK, IncidentTopic.MAINTENANCE_EVENTS.topicName(), keys.serializer(),
                avro.forValue(IncidentTopic.MAINTENANCE_EVENTS).serializer(), MAINTENANCE_DECIDER);
        topology.addSink(MAINTENANCE_RESULTS_SINK, IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName(),
                keys.serializer(), avro.forValue(IncidentTopic.INCIDENT_COMMAND_RESULTS).serializer(),
                MAINTENANCE_DECIDER);
        topology.addSink(MAINTENANCE_DEAD_LETTER_SINK, IncidentTopic.MAINTENANCE_COMMANDS_DLQ.topicName(),
                keys.serializer(), Serdes.ByteArray().serializer(), MAINTENANCE_DECODER);
    }
}
