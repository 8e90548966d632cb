package dev.incidents.schemas.wire;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import io.apicurio.registry.serde.SerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Avro serdes backed by the schema registry, writing Confluent's wire format (magic byte, 4-byte content id,
 * Avro binary) so that any Confluent-compatible consumer reads our topics with the registry's ccompat API.
 * A serializer names its schema exactly: the topic's subject and the released version equal to the class's
 * schema, so a record is never labelled with another version's id.
 */
public final class RegistryAvroSerdes implements AvroSerdes {

    private final String registryUrl;
    private final boolean autoRegister;

    public RegistryAvroSerdes(String registryUrl, boolean autoRegister) {
        this.registryUrl = registryUrl;
        this.autoRegister = autoRegister;
    }

    private static Map<String, Object> confluentWireFormat(String registryUrl, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        // Subjects of the Confluent-compatible API live in the registry's default group.
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_GROUP_ID, "default");
        return config;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> forValue(Class<T> type) {
        Schema schema = SpecificData.getForClass(type).getSchema(type);
        IncidentTopic topic = topicOf(schema);
        String subject = topic.valueSubject().orElseThrow();
        int version = ReleasedSchemas.of(subject).indexOf(schema) + 1;
        if (version == 0) {
            throw new IllegalStateException("The schema of " + type.getName() + " is not a released version of "
                    + subject + "; release it in the schemas module first");
        }
        Map<String, Object> config = confluentWireFormat(registryUrl, autoRegister);
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_ID, subject);
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_VERSION, String.valueOf(version));
        TypedAvroSerializer<T> serializer = new TypedAvroSerializer<>(type);
        serializer.configure(config, false);
        TypedAvroDeserializer<T> deserializer = new TypedAvroDeserializer<>(type);
        deserializer.configure(config, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static IncidentTopic topicOf(Schema schema) {
        return Arrays.stream(IncidentTopic.values())
                .filter(topic -> topic.valueSchema() != null
                        && topic.valueSchema().getFullName().equals(schema.getFullName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(schema.getFullName() + " is no topic's value"));
    }
}
