package dev.incidents.commands.app;

import dev.incidents.avro.CommandResult;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.support.wire.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.List;

/**
 * Follows incident-command-results on every partition (each instance needs every answer, since the decider may
 * answer a command on any partition) and hands each result to the waiting request. At start it reads the newest
 * results that fit the result cache (so GET /commands/{id} answers for commands decided before a restart), and the
 * instance is not ready until it has read them: a request answered before that could wait behind them.
 */
@ApplicationScoped
public class CommandResultsListener {

    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final Deserializer<CommandResult> results;
    private final PendingCommands pending;
    private final int cacheSize;
    private volatile TopicFollower follower;

    CommandResultsListener(KafkaClients clients, Supervisor supervisor, RegistryAvroSerdes serdes,
                           PendingCommands pending, IncidentsConfig config) {
        this.clients = clients;
        this.supervisor = supervisor;
        this.results = serdes.forValue(IncidentTopic.INCIDENT_COMMAND_RESULTS).deserializer();
        this.pending = pending;
        this.cacheSize = config.resultCacheSize();
    }

    /** Whether the results that were on the topic at start have been read. */
    public boolean caughtUp() {
        TopicFollower current = follower;
        return current != null && current.caughtUp();
    }

    void start(@Observes StartupEvent event) {
        follower = new TopicFollower(clients, supervisor, "incident-commands-results-listener",
                List.of(IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName()), TopicFollower.Start.recent(cacheSize),
                record -> {
                    CommandResult result = results.deserialize(record.topic(), record.headers(), record.value());
                    if (result != null) {
                        pending.complete(result);
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }
}
