package dev.incidents.support.wire;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.HashMap;
import java.util.Map;

/**
 * Avro serdes backed by the schema registry, writing Confluent's wire format (magic byte, 4-byte content id,
 * Avro binary) so that any Confluent-compatible consumer reads our topics with the registry's ccompat API.
 * A serializer names its schema exactly: its topic's own subject and the released version equal to the class's
 * schema, so a record is never labelled with another subject's or version's id.
 */
public final class RegistryAvroSerdes implements AvroSerdes {

    private final String registryUrl;
    private final boolean autoRegister;
    private final Map<String, Object> clientSettings;

    public RegistryAvroSerdes(String registryUrl, boolean autoRegister) {
        this(registryUrl, autoRegister, Map.of());
    }

    /** @param clientSettings Apicurio's {@code apicurio.registry.*} client keys: credentials, trust store */
    public RegistryAvroSerdes(String registryUrl, boolean autoRegister, Map<String, ?> clientSettings) {
        this.registryUrl = registryUrl;
        this.autoRegister = autoRegister;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    private Map<String, Object> confluentWireFormat() {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        // The JDK's HTTP client: the Vert.x one would wait on the event loop that a send may be called from
        // (a delivery outcome recorded from a mail callback), and never be answered.
        config.put(SerdeConfig.HTTP_ADAPTER, "JDK");
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        // Subjects of the Confluent-compatible API live in the registry's default group.
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_GROUP_ID, "default");
        return config;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> forValue(IncidentTopic<T> topic) {
        Class<T> type = topic.valueType();
        String subject = topic.valueSubject().orElseThrow();
        int version = ReleasedSchemas.versionOf(topic);
        Map<String, Object> config = confluentWireFormat();
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_ID, subject);
        config.put(SerdeConfig.EXPLICIT_ARTIFACT_VERSION, String.valueOf(version));
        TypedAvroSerializer<T> serializer = new TypedAvroSerializer<>(type);
        serializer.configure(config, false);
        TypedAvroDeserializer<T> deserializer = new TypedAvroDeserializer<>(type);
        deserializer.configure(config, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
