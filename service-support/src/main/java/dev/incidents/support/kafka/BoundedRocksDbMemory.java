package dev.incidents.support.kafka;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

/**
 * Caps the native memory of all of a service's Kafka Streams stores together: one block cache shared by every store,
 * with their write buffers (memtables) counted against it. Kafka Streams' default gives each store, on each
 * partition, a 50 MB block cache and up to three 16 MB write buffers of its own: a service with five stores on three
 * partitions could take over a gigabyte outside the heap as its stores fill. Kafka Streams makes one of these per
 * store ({@code rocksdb.config.setter}); the cache they share lives as long as the JVM.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbMemory.class);

    /** Kafka Streams setting: the stores' memory in all, write buffers included, e.g. {@code 64M}. */
    public static final String TOTAL_MEMORY = "incidents.rocksdb.total-memory";
    static final long DEFAULT_TOTAL_BYTES = 64L << 20;
    /** Share of the total that write buffers may hold before RocksDB flushes them. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    private static final int WRITE_BUFFERS_PER_STORE = 2;
    private static final long LARGEST_WRITE_BUFFER = 8L << 20;

    private static Shared shared;

    /** What every store of this JVM uses. */
    record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(totalBytes(configs.get(TOTAL_MEMORY)));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setMaxWriteBufferNumber(WRITE_BUFFERS_PER_STORE);
        options.setWriteBufferSize(Math.min(LARGEST_WRITE_BUFFER,
                (long) (memory.totalBytes() * WRITE_BUFFER_SHARE / WRITE_BUFFERS_PER_STORE)));
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store, and outlive each of them
    }

    /** Made by the first store; one setting for the whole JVM, so a later store cannot ask for another size. */
    static synchronized Shared shared(long totalBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_SHARE);
            shared = new Shared(totalBytes, cache,
                    new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_SHARE), cache));
            LOG.info("The Kafka Streams stores share {} MB of RocksDB memory, write buffers included ({})",
                    totalBytes >> 20, TOTAL_MEMORY);
        } else if (shared.totalBytes() != totalBytes) {
            throw new IllegalStateException("The Kafka Streams stores share " + shared.totalBytes() + " bytes of "
                    + "RocksDB memory; one store asks for " + totalBytes + " (" + TOTAL_MEMORY + ")");
        }
        return shared;
    }

    /** {@code 64M}, {@code 512K}, {@code 1G} or a number of bytes; unset: 64 MB. */
    static long totalBytes(Object setting) {
        if (setting == null) {
            return DEFAULT_TOTAL_BYTES;
        }
        String text = setting.toString().trim().toUpperCase(Locale.ROOT);
        int shift = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String number = shift == 0 ? text : text.substring(0, text.length() - 1);
        try {
            long bytes = Long.parseLong(number) << shift;
            if (bytes < (1L << 20)) {
                throw new IllegalArgumentException(TOTAL_MEMORY + " must be at least 1M, got '" + setting + "'");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TOTAL_MEMORY + " must be a size such as 64M, got '" + setting + "'",
                    e);
        }
    }
}
