package dev.incidents.support.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSerdeTest {

    record Promise(Instant dueAt, Duration cadence) {
    }

    private final JsonSerde<Promise> serde = new JsonSerde<>(Promise.class);

    @Test
    void whole_milliseconds_are_written_as_integer_milliseconds() {
        Promise promise = new Promise(Instant.parse("2026-12-04T20:15:00.123Z"), Duration.ofMinutes(15));

        byte[] json = serde.serializer().serialize("t", promise);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"dueAt\":1796415300123,\"cadence\":900000}");
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(promise);
    }

    @Test
    void finer_times_keep_their_precision() {
        Promise promise = new Promise(Instant.parse("2026-12-04T20:15:00.123456789Z"), Duration.ofNanos(1_500));

        byte[] json = serde.serializer().serialize("t", promise);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(promise);
    }

    @Test
    void a_store_written_by_the_earlier_mapper_reads_unchanged() throws Exception {
        ObjectMapper earlier = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        Promise precise = new Promise(Instant.parse("2026-12-04T20:15:00.123Z"), Duration.ofMinutes(15));
        Promise epoch = new Promise(Instant.EPOCH, Duration.ZERO);
        Promise fine = new Promise(Instant.parse("2026-12-04T20:15:00.123456789Z"), Duration.ofNanos(1_500));

        for (Promise promise : List.of(precise, epoch, fine)) {
            byte[] stored = earlier.writeValueAsBytes(promise);

            assertThat(serde.deserializer().deserialize("t", stored)).as(new String(stored, StandardCharsets.UTF_8))
                    .isEqualTo(promise);
        }
    }
}
