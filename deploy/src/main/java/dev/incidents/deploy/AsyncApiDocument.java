package dev.incidents.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3.0 description of the topics other teams write or read, made from the topic catalog and the Avro
 * contract so that it is never written twice: each topic's channel with its Kafka binding (partitions, replicas,
 * cleanup policy, retention), its message with the Avro schema in force (Confluent framing, topic-named subject,
 * string key) and, where the records are CloudEvents, their {@code ce_*} headers. {@code main} writes it as
 * {@code schemas/src/main/resources/asyncapi.yaml}, which incident-commands serves at {@code /asyncapi.yaml}; a
 * test fails when that file differs from what this class makes.
 */
public final class AsyncApiDocument {

    /** Where the document lives, relative to the repository root. */
    public static final String FILE = "schemas/src/main/resources/asyncapi.yaml";
    static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    /** A topic of the document: who sends on it (this system or other teams), and whether it carries CloudEvents. */
    record Described(IncidentTopic<?> topic, String action, boolean cloudEvents, String description) {
    }

    static final List<Described> TOPICS = List.of(
            new Described(IncidentTopic.INCIDENT_COMMANDS, "receive", false,
                    "Commands from internal services (declare, post an update, change severity, resolve, publish the "
                            + "RCA, ...), key = the incident id (for a declare: the new incident's id). Their outcome "
                            + "appears on incident-command-results under commandId."),
            new Described(IncidentTopic.INCIDENT_EVENTS, "send", true,
                    "Every fact of every incident's life, in order per incident (sequence 1, 2, 3... with no gaps), "
                            + "kept forever, key = the incident id."),
            new Described(IncidentTopic.INCIDENT_DETECTIONS, "send", true,
                    "Broken and soon-to-break promises (updates due soon or overdue, overdue RCAs), key = the "
                            + "incident id; a detection id never repeats."),
            new Described(IncidentTopic.INCIDENT_STATE, "send", false,
                    "Each incident's current state, compacted: the last record of a key is the incident now."),
            new Described(IncidentTopic.INCIDENT_COMPONENTS, "send", false,
                    "The component catalog incidents name their components from, compacted, key = the component "
                            + "id: the last record of a key is the component now, defined (ComponentDefined: name, "
                            + "group, order, public or not) or retired (ComponentRetired)."),
            new Described(IncidentTopic.MAINTENANCE_COMMANDS, "receive", false,
                    "Commands about scheduled maintenance from internal services (schedule, update, start, "
                            + "complete, cancel), key = the window's id (for a schedule: the new window's id). Their "
                            + "outcome appears on incident-command-results under commandId."),
            new Described(IncidentTopic.MAINTENANCE_EVENTS, "send", true,
                    "Every fact of every maintenance window's life, in order per window (sequence 1, 2, 3... with "
                            + "no gaps), kept forever, key = the window's id; a schedule and each update carry the "
                            + "whole plan."),
            new Described(IncidentTopic.MAINTENANCE_DETECTIONS, "send", true,
                    "Maintenance windows' moments: a reminder before the start, a start that did not happen, an "
                            + "end overrun (reported again while it lasts), key = the window's id; a detection id "
                            + "never repeats."));

    private AsyncApiDocument() {
    }

    /** Writes the document at {@link #FILE} under {@code args[0]} (the repository root). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : ".").resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml());
    }

    /** The document as YAML. */
    public static String yaml() {
        try {
            return "# Generated from the topic catalog and the Avro contract by AsyncApiDocument (deploy); do not edit.\n"
                    + YAML.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode document() {
        ObjectNode document = NODES.objectNode().put("asyncapi", "3.0.0");
        document.putObject("info").put("title", "Incident timeline topics")
                .put("version", "1.0.0")
                .put("description", "The Kafka topics of the incident timeline backend that other teams write or "
                        + "read. Values are Avro in Confluent's wire format (magic byte 0, the 4-byte schema id, "
                        + "Avro binary); subjects are named after topics (<topic>-value) in the registry's "
                        + "Confluent-compatible API; keys are strings. Contracts only change compatibly: see each "
                        + "channel's compatibility.");
        document.putObject("servers").putObject("local").put("host", "127.0.0.1:9092").put("protocol", "kafka")
                .put("description", "The local stack's broker (./deploy/local-stack.sh).");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = NODES.objectNode();
        for (Described described : TOPICS) {
            String name = described.topic().topicName();
            String message = described.topic().valueType().getSimpleName();
            channels.set(name, channel(described, message));
            operations.set(operationName(described), NODES.objectNode().put("action", described.action())
                    .put("summary", (described.action().equals("send") ? "Writes " : "Reads ") + name)
                    .set("channel", reference("#/channels/" + name)));
            messages.set(message, message(described, message));
        }
        ObjectNode components = document.putObject("components");
        components.set("messages", messages);
        components.putObject("schemas").set("CloudEventHeaders", cloudEventHeaders());
        return document;
    }

    private static ObjectNode channel(Described described, String message) {
        IncidentTopic<?> topic = described.topic();
        ObjectNode channel = NODES.objectNode().put("address", topic.topicName())
                .put("description", described.description() + " Subject compatibility: "
                        + topic.compatibility().name() + ".");
        channel.putObject("messages").set(message, reference("#/components/messages/" + message));
        Map<String, String> configs = Provisioner.configs(topic);
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka").put("topic", topic.topicName())
                .put("partitions", StrimziResources.PARTITIONS).put("replicas", StrimziResources.REPLICAS);
        ObjectNode topicConfiguration = kafka.putObject("topicConfiguration");
        topicConfiguration.putArray(TopicConfig.CLEANUP_POLICY_CONFIG)
                .add(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG));
        topicConfiguration.put(TopicConfig.RETENTION_MS_CONFIG, Long.parseLong(configs.get(
                TopicConfig.RETENTION_MS_CONFIG)));
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static ObjectNode message(Described described, String message) {
        IncidentTopic<?> topic = described.topic();
        ObjectNode node = NODES.objectNode().put("name", message)
                .put("title", message + " (" + topic.valueSubject().orElseThrow() + ", version "
                        + ReleasedSchemas.versionOf(topic) + ")")
                .put("contentType", "application/avro");
        if (described.cloudEvents()) {
            node.set("headers", reference("#/components/schemas/CloudEventHeaders"));
        }
        node.putObject("payload").put("schemaFormat", AVRO_FORMAT).set("schema", avro(topic));
        ObjectNode kafka = node.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "The incident id.");
        kafka.put("schemaIdLocation", "payload").put("schemaIdPayloadEncoding", "confluent")
                .put("schemaLookupStrategy", "TopicIdStrategy").put("bindingVersion", KAFKA_BINDING_VERSION);
        return node;
    }

    /** The headers CloudEvents' Kafka binding (binary mode) puts beside each value. */
    private static ObjectNode cloudEventHeaders() {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("description", "CloudEvents 1.0 "
                + "attributes in the Kafka protocol binding's binary mode; the value is the event's data.");
        ObjectNode properties = schema.putObject("properties");
        header(properties, "ce_specversion", "Always 1.0.").putArray("enum").add("1.0");
        header(properties, "ce_id", "The event's eventId, the detection's detectionId.");
        header(properties, "ce_source", "The writing service, a URI such as urn:incidents:incident-commands.")
                .put("format", "uri-reference");
        header(properties, "ce_type", "dev.incidents.incident.<event>.v1 or dev.incidents.detection.<kind>.v1.")
                .put("pattern", "^dev\\.incidents\\.(incident|detection)\\.[a-z-]+\\.v1$");
        header(properties, "ce_subject", "The incident id.");
        header(properties, "ce_time", "When it happened (occurredAt, detectedAt).").put("format", "date-time");
        header(properties, "ce_dataschema", "The registry subject version the value was written with.")
                .put("format", "uri");
        header(properties, "content-type", "Avro after Confluent's framing.").putArray("enum")
                .add("application/avro; framing=confluent");
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }

    private static JsonNode avro(IncidentTopic<?> topic) {
        try {
            return JSON.readTree(topic.valueSchema().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The Avro schema of " + topic + " is not JSON", e);
        }
    }

    private static String operationName(Described described) {
        String camel = described.topic().valueType().getSimpleName();
        return (described.action().equals("send") ? "write" : "read") + camel + "s";
    }

    private static ObjectNode reference(String to) {
        return NODES.objectNode().put("$ref", to);
    }
}
