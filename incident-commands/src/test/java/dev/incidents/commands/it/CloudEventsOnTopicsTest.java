package dev.incidents.commands.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a downstream team's CloudEvents reader sees on incident-events: every record read by the CloudEvents
 * project's own Kafka binding (binary mode) is a CloudEvent whose attributes say what happened to which incident,
 * when, in which schema, and whose data is the record's value, unchanged.
 */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class CloudEventsOnTopicsTest {

    @Test
    void every_event_reads_as_a_cloudevent_with_the_sdk_and_its_data_is_the_record() throws Exception {
        String commander = TestStack.tokens().of("commander");
        String id = given().auth().oauth2(commander).contentType(ContentType.JSON).body(Map.of("title",
                "Search down", "severity", "SEV2", "summary", "No results")).post("/incidents").then()
                .statusCode(201).extract().path("incidentId");
        given().auth().oauth2(commander).contentType(ContentType.JSON).body(Map.of("status", "IDENTIFIED",
                "message", "Index rebuilt")).post("/incidents/" + id + "/updates").then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll("incident-events",
                record -> record.key().equals(id));
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());

        assertThat(records).hasSize(2);
        assertThat(records).extracting(record -> event(record).getType()).containsExactly(
                "dev.incidents.incident.declared.v1", "dev.incidents.incident.update-posted.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = event(record);
            GenericRecord value = decoder.decode(event.getData().toBytes());
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo(value.get("eventId").toString());
            assertThat(event.getSource()).isEqualTo(URI.create("urn:incidents:incident-commands"));
            assertThat(event.getSubject()).isEqualTo(id);
            assertThat(event.getTime().toInstant()).isEqualTo(Instant.ofEpochMilli((Long) value.get("occurredAt")));
            assertThat(event.getDataContentType()).isEqualTo("application/avro; framing=confluent");
            assertThat(event.getData().toBytes()).isEqualTo(record.value());
            JsonNode schema = schemaAt(event.getDataSchema());
            assertThat(schema.path("subject").asText()).isEqualTo("incident-events-value");
            assertThat(schema.path("id").asInt()).as("the writer schema's id in the record's framing")
                    .isEqualTo(ByteBuffer.wrap(record.value(), 1, 4).getInt());
        }
    }

    private static CloudEvent event(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record).toEvent();
    }

    /** What the registry's Confluent-compatible API answers at the event's dataschema: the subject version. */
    private static JsonNode schemaAt(URI dataSchema) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(dataSchema).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(dataSchema.toString()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }
}
