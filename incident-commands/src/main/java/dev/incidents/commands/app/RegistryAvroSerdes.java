package dev.incidents.commands.app;

import dev.incidents.commands.decider.AvroSerdes;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.HashMap;
import java.util.Map;

/**
 * Avro serdes backed by the schema registry, writing Confluent's wire format (magic byte, 4-byte content id,
 * Avro binary) so that any Confluent-compatible consumer reads our topics with the registry's ccompat API.
 */
public final class RegistryAvroSerdes implements AvroSerdes {

    private final Map<String, Object> config;

    public RegistryAvroSerdes(String registryUrl, boolean autoRegister) {
        this.config = confluentWireFormat(registryUrl, autoRegister);
    }

    public static Map<String, Object> confluentWireFormat(String registryUrl, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    public Map<String, Object> config() {
        return Map.copyOf(config);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> forValue(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
