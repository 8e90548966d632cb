package dev.incidents.support.table;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Rows kept as the topic's bytes in a RocksDB database on local disk and decoded when read: the heap holds none of
 * them, and RocksDB's own memory is capped (a small block cache and write buffers). The database is a copy of the
 * topic, so it starts empty each time (the table reads the topic from the start) and needs no write-ahead log.
 */
final class DiskRows<D> implements TableRows<D> {

    private static final Logger LOG = LoggerFactory.getLogger(DiskRows.class);
    private static final long BLOCK_CACHE_BYTES = 8L << 20;
    private static final long WRITE_BUFFER_BYTES = 4L << 20;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Function<byte[], D> decode;
    private final LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
    private final Options options;
    private final WriteOptions writes = new WriteOptions().setDisableWAL(true);
    private final RocksDB db;
    private int users;
    private boolean closed;

    DiskRows(Path dir, Function<byte[], D> decode) {
        this.dir = dir;
        this.decode = decode;
        this.options = new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2).setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        try {
            Files.createDirectories(dir);
            RocksDB.destroyDB(dir.toString(), options);
            this.db = RocksDB.open(options, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the directory " + dir + " for a table", e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot open a table's database in " + dir + " (is another instance "
                    + "using the same directory?)", e);
        }
    }

    @Override
    public void put(String key, byte[] value) {
        use(() -> {
            db.put(writes, bytes(key), value);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        use(() -> {
            db.delete(writes, bytes(key));
            return null;
        });
    }

    @Override
    public Optional<D> get(String key) {
        return Optional.ofNullable(use(() -> db.get(bytes(key)))).map(decode);
    }

    @Override
    public Stream<D> values() {
        enter();
        RocksIterator rows;
        try {
            rows = db.newIterator();
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
        rows.seekToFirst();
        return StreamSupport.stream(new Rows(rows, dir), false).map(decode).onClose(() -> {
            rows.close();
            leave();
        });
    }

    /** Waits a while for reads under way; a database still in use then is left open for the process to end. */
    @Override
    public synchronized void close() {
        closed = true;
        long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        try {
            while (users > 0 && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (users > 0) {
            LOG.warn("The table in {} is still being read; leaving it open", dir);
            return;
        }
        db.close();
        writes.close();
        options.close();
        cache.close();
    }

    private interface RocksCall<T> {
        T run() throws RocksDBException;
    }

    private <T> T use(RocksCall<T> call) {
        enter();
        try {
            return call.run();
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("The table in " + dir + " cannot be read or written: "
                    + e.getMessage(), e);
        } finally {
            leave();
        }
    }

    private synchronized void enter() {
        if (closed) {
            throw new StoreUnavailableException("The table in " + dir + " is closed; the service is stopping.", null);
        }
        users++;
    }

    private synchronized void leave() {
        users--;
        if (users == 0) {
            notifyAll();
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** The values of a RocksDB iterator, in key order. */
    private static final class Rows extends Spliterators.AbstractSpliterator<byte[]> {
        private final RocksIterator rows;
        private final Path dir;

        Rows(RocksIterator rows, Path dir) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rows = rows;
            this.dir = dir;
        }

        @Override
        public boolean tryAdvance(Consumer<? super byte[]> action) {
            if (!rows.isValid()) {
                try {
                    rows.status();
                } catch (RocksDBException e) {
                    throw new StoreUnavailableException("The table in " + dir + " cannot be read to its end: "
                            + e.getMessage(), e);
                }
                return false;
            }
            action.accept(rows.value());
            rows.next();
            return true;
        }
    }
}
