package dev.incidents.support.wire;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.serde.avro.AvroDeserializer;
import io.apicurio.registry.serde.kafka.KafkaDeserializer;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apicurio's deserializer (registry lookup of the writer schema by id) reading into one known generated class
 * with that class's own Avro model, rather than finding the class by name through a global class loader.
 */
public final class TypedAvroDeserializer<T extends SpecificRecord> extends KafkaDeserializer<Schema, T> {

    public TypedAvroDeserializer(Class<T> type) {
        super(new ClassReader<>(type));
    }

    /** Apicurio's Avro deserializer reading with the class's own model, one reader per writer schema. */
    private static final class ClassReader<T extends SpecificRecord> extends AvroDeserializer<T> {
        private final SpecificData model;
        private final Schema readerSchema;
        /** Building a reader resolves the two schemas, too costly for every record. */
        private final Map<Schema, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

        ClassReader(Class<T> type) {
            this.model = AvroModels.of(type);
            this.readerSchema = model.getSchema(type);
        }

        @Override
        protected T readData(ParsedSchema<Schema> writerSchema, ByteBuffer buffer, int start, int length) {
            try {
                return readers.computeIfAbsent(writerSchema.getParsedSchema(),
                                writer -> new SpecificDatumReader<>(writer, readerSchema, model))
                        .read(null, DecoderFactory.get().binaryDecoder(buffer.array(), start, length, null));
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot read " + readerSchema.getFullName() + " from its Avro bytes",
                        e);
            }
        }
    }
}
