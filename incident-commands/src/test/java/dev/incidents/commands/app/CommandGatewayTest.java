package dev.incidents.commands.app;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.ReopenIncident;
import dev.incidents.testing.Await;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command the broker does not take leaves nothing waiting for its decision: the waiters stay bounded. */
class CommandGatewayTest {

    private final PendingCommands pending = new PendingCommands(100);
    private final Serializer<SpecificRecord> unused = (topic, command) -> new byte[0];

    @Test
    void a_send_the_broker_refuses_leaves_no_waiter() throws Exception {
        MockProducer<String, SpecificRecord> producer = new MockProducer<>(false, null, (topic, key) -> new byte[0],
                unused);
        CommandGateway gateway = new CommandGateway(producer, pending, Duration.ofSeconds(5), Duration.ofSeconds(5));

        CompletableFuture<Void> submitted = CompletableFuture.runAsync(() -> gateway.submit(command("cmd-1")));
        awaitSent(producer);
        producer.errorNext(new TimeoutException("no broker"));

        assertThatThrownBy(() -> submitted.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CommandGateway.CommandNotAcceptedException.class);
        assertThat(pending.isWaiting("cmd-1")).isFalse();
    }

    @Test
    void a_send_that_throws_at_once_leaves_no_waiter() {
        MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, (topic, key) -> new byte[0],
                unused);
        producer.sendException = new KafkaException("buffer full");
        CommandGateway gateway = new CommandGateway(producer, pending, Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThatThrownBy(() -> gateway.submit(command("cmd-2")))
                .isInstanceOf(CommandGateway.CommandNotAcceptedException.class);
        assertThat(pending.isWaiting("cmd-2")).isFalse();
    }

    private static void awaitSent(MockProducer<String, SpecificRecord> producer) {
        Await.until("the command handed to the producer", Duration.ofSeconds(5), () -> !producer.history().isEmpty());
    }

    private static IncidentCommand command(String commandId) {
        return IncidentCommand.newBuilder().setCommandId(commandId).setIncidentId("inc-1")
                .setActor(new Actor("alice", ActorKind.PERSON)).setRequestFingerprint("fp")
                .setCommand(new ReopenIncident("again")).build();
    }
}
