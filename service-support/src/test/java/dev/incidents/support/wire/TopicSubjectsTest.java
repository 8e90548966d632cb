package dev.incidents.support.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.notifier.MessageKind;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * notifier-outbox and notifier-failed carry the same value class: each topic's serde must name its own subject, so
 * a registry holding only one of the two subjects writes records for that topic and refuses the other's.
 */
class TopicSubjectsTest {

    private static RegistryServer registry;

    @BeforeAll
    static void startRegistryWithOnlyTheFailedSubject() throws Exception {
        Path logs = Files.createTempDirectory("topic-subjects");
        registry = RegistryServer.start(Path.of(System.getProperty("apicurio.home")), ManagedProcess.freePort(), null,
                logs.resolve("apicurio-registry.log"));
        String subject = IncidentTopic.NOTIFIER_FAILED.valueSubject().orElseThrow();
        for (Schema released : ReleasedSchemas.of(subject)) {
            String body = new ObjectMapper().writeValueAsString(Map.of("schema", released.toString()));
            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(registry.confluentApiUrl() + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void a_failed_message_is_written_under_notifier_failed_value_and_never_under_the_outbox_subject() {
        RegistryAvroSerdes serdes = new RegistryAvroSerdes(registry.nativeApiUrl(), false);
        OutboundMessage message = message();

        byte[] failed = serdes.forValue(IncidentTopic.NOTIFIER_FAILED).serializer()
                .serialize(IncidentTopic.NOTIFIER_FAILED.topicName(), message);

        assertThat(failed[0]).as("Confluent's magic byte").isZero();
        assertThat(serdes.forValue(IncidentTopic.NOTIFIER_FAILED).deserializer()
                .deserialize(IncidentTopic.NOTIFIER_FAILED.topicName(), failed)).isEqualTo(message);
        assertThatThrownBy(() -> serdes.forValue(IncidentTopic.NOTIFIER_OUTBOX).serializer()
                .serialize(IncidentTopic.NOTIFIER_OUTBOX.topicName(), message))
                .as("the outbox serde asks for notifier-outbox-value, which this registry lacks")
                .isInstanceOf(RuntimeException.class);
    }

    private static OutboundMessage message() {
        return OutboundMessage.newBuilder().setMessageId("msg-1").setSubscriptionId("sub-1").setSourceId("evt-1")
                .setIncidentId("inc-1").setKind(MessageKind.DECLARED)
                .setCreatedAt(Instant.parse("2026-12-02T10:00:00Z"))
                .setLocale("en").setSubject("Checkout down").setText("Customers cannot pay").setHtml("<p>…</p>")
                .build();
    }
}
