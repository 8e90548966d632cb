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

import java.io.IOException;
import java.io.OutputStream;

/**
 * Apicurio's serializer (schema id resolution, Confluent framing) writing one known generated class with that
 * class's own Avro model, so its logical types (timestamps) are always converted.
 */
public final class TypedAvroSerializer<T extends SpecificRecord> extends KafkaSerializer<Schema, T> {

    public TypedAvroSerializer(Class<T> type) {
        super(new ClassWriter<>(type));
    }

    /** Apicurio's Avro serializer with the class's own datum writer in place of one found by reflection. */
    private static final class ClassWriter<T extends SpecificRecord> extends AvroSerializer<T> {
        private final SpecificDatumWriter<T> writer;

        ClassWriter(Class<T> type) {
            SpecificData model = AvroModels.of(type);
            this.writer = new SpecificDatumWriter<>(model.getSchema(type), model);
        }

        @Override
        public void serializeData(ParsedSchema<Schema> registered, T data, OutputStream out) throws IOException {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        }
    }
}
