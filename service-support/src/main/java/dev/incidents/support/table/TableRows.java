package dev.incidents.support.table;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a {@link TopicTable} keeps its rows: decoded in the heap ({@link HeapRows}, for a table small enough and
 * read often) or as the topic's bytes on local disk ({@link DiskRows}, for one that grows with traffic).
 */
interface TableRows<D> extends AutoCloseable {

    /** @param value the record's value as the topic holds it */
    void put(String key, byte[] value);

    void delete(String key);

    Optional<D> get(String key);

    /** Every row, in no particular order; close the stream when done. */
    Stream<D> values();

    @Override
    void close();
}
