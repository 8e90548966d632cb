package dev.incidents.commands.app;

import dev.incidents.schemas.wire.RegistryAvroSerdes;
import dev.incidents.avro.CommandResult;
import dev.incidents.schemas.IncidentTopic;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows incident-command-results on every partition (no consumer group: each instance needs every answer,
 * since the decider may answer a command on any partition) and hands each result to the waiting request.
 */
@ApplicationScoped
public class CommandResultsListener {

    private static final Logger LOG = Logger.getLogger(CommandResultsListener.class);

    private final String bootstrapServers;
    private final RegistryAvroSerdes serdes;
    private final PendingCommands pending;
    private volatile boolean running;
    private KafkaConsumer<String, CommandResult> consumer;
    private Thread thread;

    CommandResultsListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           RegistryAvroSerdes serdes, PendingCommands pending) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = serdes;
        this.pending = pending;
    }

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "incident-commands-results-listener");
        Deserializer<CommandResult> values = serdes.forValue(CommandResult.class).deserializer();
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        String topic = IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        running = true;
        thread = new Thread(this::poll, "command-results-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, CommandResult> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        pending.complete(record.value());
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Command results listener stopped; requests will answer 202 until restart", e);
            throw e;
        } finally {
            consumer.close();
        }
    }
}
