package dev.incidents.notifier.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.Severity;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.deploy.TestStack;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.wire.RegistryAvroSerdes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event on the real broker becomes a message written in the subscriber's language on notifier-outbox. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class PlanningOnRealKafkaTest {

    final RegistryAvroSerdes serdes = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false);

    @Test
    void a_declared_incident_reaches_the_outbox_in_japanese_with_tokyo_times() throws Exception {
        String subscriptionId = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\","
                        + "\"target\":\"sre@example.com\",\"audience\":\"PUBLIC\",\"locale\":\"ja\","
                        + "\"timeZone\":\"Asia/Tokyo\"}").post("/subscriptions").then().statusCode(201).extract()
                .jsonPath().getString("id");
        Instant declared = Instant.parse("2026-11-23T10:00:00Z");

        try (KafkaConsumer<String, OutboundMessage> consumer = outboxConsumer()) {
            // A subscription applies from when the planner's global store has read it (a few ms after the 201):
            // declare incidents until one is planned with it, then check that message.
            OutboundMessage message = null;
            for (int attempt = 0; message == null && attempt < 20; attempt++) {
                String incidentId = "it-" + UUID.randomUUID();
                publish(declaration(incidentId, declared));
                message = awaitMessage(consumer, subscriptionId, incidentId, Duration.ofSeconds(3));
            }
            assertThat(message).as("a message for the new subscription").isNotNull();
            assertThat(message.getSubject()).isEqualTo("[SEV1] 調査中: Checkout down");
            assertThat(message.getText()).contains("次回の更新は 2026/11/23 19:15 (Asia/Tokyo) までにお知らせします。");
            assertThat(message.getHtml()).contains("<html lang=\"ja\">");
        }
    }

    private static IncidentEvent declaration(String incidentId, Instant declared) {
        return IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setIncidentId(incidentId)
                .setSequence(1).setOccurredAt(declared).setActor(new Actor("monitor", ActorKind.SERVICE))
                .setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                        .setSummary("Customers cannot pay").setDetectedAt(declared)
                        .setNextUpdateDueAt(declared.plus(Duration.ofMinutes(15))).setCadenceSeconds(900L)
                        .build()).build();
    }

    private void publish(IncidentEvent event) throws Exception {
        try (KafkaProducer<String, IncidentEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), serdes.forValue(IncidentEvent.class).serializer())) {
            producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_EVENTS.topicName(), event.getIncidentId(),
                    event)).get();
        }
    }

    private KafkaConsumer<String, OutboundMessage> outboxConsumer() {
        String topic = IncidentTopic.NOTIFIER_OUTBOX.topicName();
        KafkaConsumer<String, OutboundMessage> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                serdes.forValue(OutboundMessage.class).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The message for this subscription and incident, or null if none comes within the wait. */
    private static OutboundMessage awaitMessage(KafkaConsumer<String, OutboundMessage> consumer,
                                                String subscriptionId, String incidentId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key().equals(subscriptionId) && record.value().getIncidentId().equals(incidentId)) {
                    return record.value();
                }
            }
        }
        return null;
    }
}
