package dev.incidents.support.wire;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.serde.avro.AvroSerializer;
import io.apicurio.registry.serde.kafka.KafkaSerializer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Apicurio's serializer (schema id resolution, Confluent framing) writing one known generated class with that
 * class's own Avro model, so its logical types (timestamps) are always converted. A record it cannot encode (the
 * schema registry unreachable, its retries used up) fails as Kafka's {@link SerializationException}, which callers
 * of {@code send} answer as "unavailable, nothing written", instead of Apicurio's bare RuntimeException.
 */
public final class TypedAvroSerializer<T extends SpecificRecord> extends KafkaSerializer<Schema, T> {

    public TypedAvroSerializer(Class<T> type) {
        super(new ClassWriter<>(type));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return encoded(topic, () -> super.serialize(topic, data));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return encoded(topic, () -> super.serialize(topic, headers, data));
    }

    private static byte[] encoded(String topic, Supplier<byte[]> encode) {
        try {
            return encode.get();
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("A record for " + topic + " could not be encoded (is the schema "
                    + "registry reachable?): " + e.getMessage(), e);
        }
    }

    /**
     * Apicurio's Avro serializer with the class's own datum writer in place of one found by reflection, writing
     * straight into Apicurio's byte array stream: a buffered encoder would allocate a buffer and a channel per record.
     */
    private static final class ClassWriter<T extends SpecificRecord> extends AvroSerializer<T> {
        private final SpecificDatumWriter<T> writer;

        ClassWriter(Class<T> type) {
            SpecificData model = AvroModels.of(type);
            this.writer = new SpecificDatumWriter<>(model.getSchema(type), model);
        }

        @Override
        public void serializeData(ParsedSchema<Schema> registered, T data, OutputStream out) throws IOException {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        }
    }
}
