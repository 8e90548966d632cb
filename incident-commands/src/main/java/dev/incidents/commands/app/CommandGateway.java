package dev.incidents.commands.app;

import dev.incidents.avro.CommandResult;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.RegistryAvroSerdes;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a command to incident-commands (or maintenance-commands) and waits, up to the configured timeout, for the
 * decider's answer. The command counts as received once the broker has acknowledged it (acks=all, idempotent
 * producer). Its record carries the trace context of the HTTP request that sent it. One producer serves both topics,
 * each record serialized under its own topic's subject.
 */
@ApplicationScoped
public class CommandGateway {

    private final Producer<String, SpecificRecord> producer;
    private final PendingCommands pending;
    private final Duration timeout;
    private final Duration sendTimeout;

    @Inject
    CommandGateway(KafkaClients clients,
                   RegistryAvroSerdes serdes, PendingCommands pending, IncidentsConfig config) {
        this(clients.producer("incident-commands-gateway", Map.of(
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.LINGER_MS_CONFIG, 1),
                new StringSerializer(), commandSerializer(serdes)),
                pending, config.commandTimeout(), config.sendTimeout());
    }

    CommandGateway(Producer<String, SpecificRecord> producer, PendingCommands pending, Duration timeout,
                   Duration sendTimeout) {
        this.producer = producer;
        this.pending = pending;
        this.timeout = timeout;
        this.sendTimeout = sendTimeout;
    }

    /**
     * @return the decision, or empty when it did not come within the timeout after the broker acknowledged the
     *         command (it is recorded and will be decided)
     * @throws CommandNotAcceptedException when the broker did not acknowledge the command
     */
    public Optional<CommandResult> submit(IncidentCommand command) {
        return submit(IncidentTopic.INCIDENT_COMMANDS, command.getIncidentId(), command.getCommandId(),
                command.getRequestFingerprint(), command);
    }

    /** As {@link #submit(IncidentCommand)}, for a maintenance window's command. */
    public Optional<CommandResult> submit(MaintenanceCommand command) {
        return submit(IncidentTopic.MAINTENANCE_COMMANDS, command.getMaintenanceId(), command.getCommandId(),
                command.getRequestFingerprint(), command);
    }

    private Optional<CommandResult> submit(IncidentTopic<?> topic, String key, String commandId, String fingerprint,
                                           SpecificRecord command) {
        CompletableFuture<CommandResult> answer = pending.await(commandId, fingerprint);
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), null, key, command,
                    TraceHeaders.of(Context.current()))).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // KafkaException: send() itself refused (buffer full past max.block.ms, a record it cannot serialize)
            pending.abandon(commandId, fingerprint);
            throw new CommandNotAcceptedException(e);
        } catch (InterruptedException e) {
            pending.abandon(commandId, fingerprint);
            Thread.currentThread().interrupt();
            throw new CommandNotAcceptedException(e);
        }
        try {
            return Optional.of(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            pending.abandon(commandId, fingerprint);
            return Optional.empty();
        } catch (ExecutionException e) {
            pending.abandon(commandId, fingerprint);
            throw new IllegalStateException("Result future failed", e);
        } catch (InterruptedException e) {
            pending.abandon(commandId, fingerprint);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Each command topic's serializer, so that a record is registered under its own topic's subject. */
    private static Serializer<SpecificRecord> commandSerializer(RegistryAvroSerdes serdes) {
        Serializer<IncidentCommand> incidents = serdes.forValue(IncidentTopic.INCIDENT_COMMANDS).serializer();
        Serializer<MaintenanceCommand> maintenance = serdes.forValue(IncidentTopic.MAINTENANCE_COMMANDS).serializer();
        return (topic, command) -> switch (command) {
            case IncidentCommand c -> incidents.serialize(topic, c);
            case MaintenanceCommand c -> maintenance.serialize(topic, c);
            default -> throw new IllegalArgumentException("Not a command: " + command.getClass());
        };
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(10));
    }

    /** The command was not acknowledged by Kafka, so it may not have been received: the client should retry. */
    public static final class CommandNotAcceptedException extends RuntimeException {
        CommandNotAcceptedException(Throwable cause) {
            super("Kafka did not acknowledge the command", cause);
        }
    }
}
