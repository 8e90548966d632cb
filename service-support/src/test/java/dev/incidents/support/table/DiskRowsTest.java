package dev.incidents.support.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery ledger's rows on disk: a copy of the topic, empty at each start, unusable once closed. */
class DiskRowsTest {

    @TempDir
    Path dir;

    @Test
    void rows_put_replaced_and_deleted_read_back_decoded() {
        try (DiskRows<String> rows = new DiskRows<>(dir, DiskRowsTest::decode)) {
            rows.put("a", bytes("first"));
            rows.put("b", bytes("second"));
            rows.put("a", bytes("replaced"));
            rows.delete("b");

            assertThat(rows.get("a")).hasValue("replaced");
            assertThat(rows.get("b")).isEmpty();
            try (Stream<String> all = rows.values()) {
                assertThat(all).containsExactly("replaced");
            }
        }
    }

    @Test
    void a_new_start_begins_empty_because_the_topic_is_read_again() {
        try (DiskRows<String> rows = new DiskRows<>(dir, DiskRowsTest::decode)) {
            rows.put("a", bytes("before the restart"));
        }
        try (DiskRows<String> rows = new DiskRows<>(dir, DiskRowsTest::decode)) {
            assertThat(rows.get("a")).isEmpty();
        }
    }

    @Test
    void once_closed_a_read_is_refused_with_a_reason() {
        DiskRows<String> rows = new DiskRows<>(dir, DiskRowsTest::decode);
        rows.close();

        assertThatThrownBy(() -> rows.get("a")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void many_rows_stream_through_without_being_held() {
        try (DiskRows<String> rows = new DiskRows<>(dir, DiskRowsTest::decode)) {
            for (int i = 0; i < 20_000; i++) {
                rows.put("key-" + i, bytes("value-" + i));
            }
            try (Stream<String> all = rows.values()) {
                assertThat(all.filter(value -> value.endsWith("7")).count()).isEqualTo(2_000);
            }
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
