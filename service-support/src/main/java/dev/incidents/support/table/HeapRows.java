package dev.incidents.support.table;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** Rows decoded once, as they are read, and held in the heap: for tables with a bound on their size. */
final class HeapRows<D> implements TableRows<D> {

    private final Function<byte[], D> decode;
    private final Map<String, D> byKey = new ConcurrentHashMap<>();

    HeapRows(Function<byte[], D> decode) {
        this.decode = decode;
    }

    @Override
    public void put(String key, byte[] value) {
        byKey.put(key, decode.apply(value));
    }

    @Override
    public void delete(String key) {
        byKey.remove(key);
    }

    @Override
    public Optional<D> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Stream<D> values() {
        return byKey.values().stream();
    }

    @Override
    public void close() {
        byKey.clear();
    }
}
