package dev.incidents.projection.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Writes the component catalog of the shared test broker as the command service does, one component at a time. */
public final class CatalogRecords {

    private static final RegistryAvroSerdes SERDES = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false);

    private CatalogRecords() {
    }

    /** Defines (or redefines) a component and waits until Kafka has it. */
    public static void define(String id, String name, String group, int order, boolean visibleToPublic) {
        ComponentEvent event = ComponentEvent.newBuilder().setComponentId(id).setVersion(1)
                .setOccurredAt(Instant.now()).setActor(new Actor("incident-admin", ActorKind.PERSON))
                .setPayload(new ComponentDefined(name, null, group, order, visibleToPublic, false)).build();
        try (KafkaProducer<String, ComponentEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                SERDES.forValue(IncidentTopic.INCIDENT_COMPONENTS).serializer())) {
            producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_COMPONENTS.topicName(), id, event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the component", e);
        }
    }
}
