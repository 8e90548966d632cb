package dev.incidents.support.kafka;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void every_store_shares_one_write_buffer_manager_and_keeps_its_write_buffers_small() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_MEMORY, "64M");
        try (Options decisions = store(); Options results = store()) {
            new BoundedRocksDbMemory().setConfig("incident-decider-state", decisions, configs);
            new BoundedRocksDbMemory().setConfig("decided-commands", results, configs);

            assertThat(decisions.writeBufferManager()).isNotNull().isSameAs(results.writeBufferManager());
            assertThat(decisions.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(decisions.writeBufferSize()).isEqualTo(8L << 20);
            assertThat(((BlockBasedTableConfig) decisions.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void a_store_asking_for_another_total_than_the_shared_one_is_refused() {
        try (Options first = store(); Options second = store()) {
            new BoundedRocksDbMemory().setConfig("first", first, Map.of(BoundedRocksDbMemory.TOTAL_MEMORY, "64M"));
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("second", second,
                    Map.of(BoundedRocksDbMemory.TOTAL_MEMORY, "128M")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(BoundedRocksDbMemory.TOTAL_MEMORY);
        }
    }

    @Test
    void sizes_read_as_bytes_with_k_m_or_g() {
        assertThat(BoundedRocksDbMemory.totalBytes("32M")).isEqualTo(32L << 20);
        assertThat(BoundedRocksDbMemory.totalBytes("2g")).isEqualTo(2L << 30);
        assertThat(BoundedRocksDbMemory.totalBytes("4096K")).isEqualTo(4L << 20);
        assertThat(BoundedRocksDbMemory.totalBytes(String.valueOf(3L << 20))).isEqualTo(3L << 20);
        assertThat(BoundedRocksDbMemory.totalBytes(null)).isEqualTo(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes("lots")).hasMessageContaining("64M");
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes("10K")).hasMessageContaining("at least 1M");
    }

    private static Options store() {
        return new Options().setTableFormatConfig(new BlockBasedTableConfig());
    }
}
