package dev.incidents.projection.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.Severity;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Writes incident events to the test stack's incident-events topic, as the decider would. */
public final class IncidentEvents {

    private static final RegistryAvroSerdes SERDES = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false);

    private IncidentEvents() {
    }

    /** Writes the events in order and waits until Kafka has every one of them. */
    public static void publish(IncidentEvent... events) {
        publishTo(IncidentTopic.INCIDENT_EVENTS, IncidentEvent::getIncidentId, List.of(events));
    }

    /** Writes {@code values} to {@code topic} in order, keyed by {@code keyOf}, and waits until Kafka has them all. */
    static <V extends SpecificRecord> void publishTo(IncidentTopic<V> topic, Function<V, String> keyOf,
                                                     List<V> values) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), SERDES.forValue(topic).serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (V value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic.topicName(), keyOf.apply(value), value)));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    public static IncidentEvent event(String incidentId, long sequence, Instant at, Object payload) {
        return IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setIncidentId(incidentId)
                .setSequence(sequence).setOccurredAt(at).setActor(new Actor("alice", ActorKind.PERSON))
                .setCausingCommandId(UUID.randomUUID().toString()).setPayload(payload).build();
    }

    /** A SEV1 on checkout whose first public update is due by {@code deadline}. */
    public static IncidentDeclared declared(String title, Instant at, Instant deadline) {
        return IncidentDeclared.newBuilder().setTitle(title).setSeverity(Severity.SEV1)
                .setSummary("Payments fail").setComponents(List.of("checkout")).setCommander("alice")
                .setDetectedAt(at).setNextUpdateDueAt(deadline).setCadenceSeconds(900L).build();
    }
}
