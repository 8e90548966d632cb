package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.schemas.IncidentTopic;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed AsyncAPI document is what the catalog and the contract make, and says of each topic what the
 * catalog and provisioning say: its retention and cleanup, its schema in force, and whether it carries CloudEvents.
 * (CI parses it with the AsyncAPI project's own parser: schemas/asyncapi-check.)
 */
class AsyncApiDocumentTest {

    private static final Path COMMITTED = Path.of("..").resolve(AsyncApiDocument.FILE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_committed_document_is_what_the_catalog_makes() throws IOException {
        assertThat(Files.readString(COMMITTED)).as("the catalog or a schema changed: run deploy/generate.sh and commit")
                .isEqualTo(AsyncApiDocument.yaml());
    }

    @Test
    void each_topic_for_other_teams_has_its_channel_with_the_catalogs_retention_and_its_schema_in_force()
            throws IOException {
        JsonNode document = KubernetesYaml.YAML.readTree(AsyncApiDocument.yaml());

        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("channels").fieldNames()).toIterable().containsExactly("incident-commands",
                "incident-events", "incident-detections", "incident-state", "incident-components",
                "maintenance-commands", "maintenance-events", "maintenance-detections");
        for (AsyncApiDocument.Described described : AsyncApiDocument.TOPICS) {
            IncidentTopic<?> topic = described.topic();
            JsonNode kafka = document.path("channels").path(topic.topicName()).path("bindings").path("kafka");
            assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong())
                    .isEqualTo(topic.retention().retentionMs());
            assertThat(kafka.path("topicConfiguration").path("cleanup.policy").get(0).asText())
                    .isEqualTo(topic.retention().compacted() ? "compact" : "delete");
            JsonNode message = document.path("components").path("messages")
                    .path(topic.valueType().getSimpleName());
            assertThat(new Schema.Parser().parse(JSON.writeValueAsString(message.path("payload").path("schema"))))
                    .isEqualTo(topic.valueSchema());
            assertThat(message.path("bindings").path("kafka").path("schemaIdPayloadEncoding").asText())
                    .isEqualTo("confluent");
            assertThat(message.has("headers")).as(topic + " carries CloudEvents")
                    .isEqualTo(topic == IncidentTopic.INCIDENT_EVENTS || topic == IncidentTopic.INCIDENT_DETECTIONS
                            || topic == IncidentTopic.MAINTENANCE_EVENTS
                            || topic == IncidentTopic.MAINTENANCE_DETECTIONS);
        }
    }
}
