package dev.incidents.schemas.wire;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Apicurio's serializer (schema id resolution, Confluent framing) writing one known generated class with that
 * class's own Avro model, so its logical types (timestamps) are always converted.
 */
public final class TypedAvroSerializer<T extends SpecificRecord> extends AvroKafkaSerializer<T> {

    private final SpecificDatumWriter<T> writer;

    public TypedAvroSerializer(Class<T> type) {
        SpecificData model = AvroModels.of(type);
        this.writer = new SpecificDatumWriter<>(model.getSchema(type), model);
    }

    @Override
    protected void serializeData(ParsedSchema<Schema> registered, T data, OutputStream out) throws IOException {
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(data, encoder);
        encoder.flush();
    }

    @Override
    protected void serializeData(Headers headers, ParsedSchema<Schema> registered, T data, OutputStream out)
            throws IOException {
        serializeData(registered, data, out);
    }
}
