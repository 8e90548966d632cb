package dev.incidents.notifier.it;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An event on the real broker becomes a message written in the subscriber's language on notifier-outbox. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class PlanningOnRealKafkaTest extends SignedInAsNotifierAdmin {

    @Test
    void a_declared_incident_reaches_the_outbox_in_japanese_with_tokyo_times() throws Exception {
        String subscriptionId = NotifierFixtures.subscribeConfirmedEmail("sre@example.com", "ja", "Asia/Tokyo");
        Instant declared = Instant.parse("2026-11-23T10:00:00Z");

        try (KafkaConsumer<String, OutboundMessage> consumer = outboxConsumer()) {
            Map<String, OutboundMessage> byIncident = new HashMap<>();
            String incidentId = NotifierFixtures.declareUntil("it-", declared, id -> {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    if (record.key().equals(subscriptionId)) {
                        byIncident.put(record.value().getIncidentId(), record.value());
                    }
                });
                return byIncident.containsKey(id);
            });
            OutboundMessage message = byIncident.get(incidentId);
            assertThat(message.getSubject()).isEqualTo("[SEV1] 調査中: Checkout down");
            assertThat(message.getText()).contains("次回の更新は 2026/11/23 19:15 (Asia/Tokyo) までにお知らせします。");
            assertThat(message.getHtml()).contains("<html lang=\"ja\">");
        }
    }

    private KafkaConsumer<String, OutboundMessage> outboxConsumer() {
        String topic = IncidentTopic.NOTIFIER_OUTBOX.topicName();
        KafkaConsumer<String, OutboundMessage> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new RegistryAvroSerdes(TestStack.nativeApiUrl(), false).forValue(IncidentTopic.NOTIFIER_OUTBOX)
                        .deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
