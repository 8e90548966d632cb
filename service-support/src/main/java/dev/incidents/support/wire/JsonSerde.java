package dev.incidents.support.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * JSON for the plain-Java state a service keeps in its own stores: readable in the changelog, and tolerant of
 * fields added later (missing ones read as null, unknown ones are ignored), so a new version restores an old store.
 * <p>
 * Instants and durations of whole milliseconds, all that events carry, are written as integer milliseconds: a
 * store write per event made Jackson's decimal seconds ({@code 1764000000.123000000}, through BigDecimal) a tenth
 * of a projection rebuild's time. Finer ones keep the decimal seconds, which are still read as before, so a store
 * written by an earlier version restores unchanged.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("whole-milliseconds")
                    .addSerializer(Instant.class, new WholeMillis<>(Instant.class, Instant::getNano,
                            Instant::toEpochMilli, InstantSerializer.INSTANCE))
                    .addSerializer(Duration.class, new WholeMillis<>(Duration.class, Duration::getNano,
                            Duration::toMillis, DurationSerializer.INSTANCE)))
            // an integer is milliseconds, a decimal still seconds and nanoseconds
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = JSON.readerFor(type);
        this.writer = JSON.writerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from JSON", e);
            }
        };
    }

    /** Integer milliseconds for a value of whole milliseconds; Jackson's own decimal seconds for a finer one. */
    private static final class WholeMillis<T> extends StdSerializer<T> {

        private final ToIntFunction<T> nanos;
        private final ToLongFunction<T> millis;
        private final JsonSerializer<T> finer;

        WholeMillis(Class<T> type, ToIntFunction<T> nanos, ToLongFunction<T> millis, JsonSerializer<T> finer) {
            super(type);
            this.nanos = nanos;
            this.millis = millis;
            this.finer = finer;
        }

        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (nanos.applyAsInt(value) % 1_000_000 == 0) {
                json.writeNumber(millis.applyAsLong(value));
            } else {
                finer.serialize(value, json, provider);
            }
        }
    }
}
