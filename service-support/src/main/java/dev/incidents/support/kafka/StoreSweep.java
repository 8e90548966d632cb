package dev.incidents.support.kafka;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deletes a store's entries whose value has had its time: the pass a periodic purge makes so a store holds what may
 * still be asked of it rather than everything ever written. Keys are collected first and deleted after the scan,
 * since a store's iterator need not see deletes made under it.
 */
public final class StoreSweep {

    private StoreSweep() {
    }

    /** @return how many entries were deleted */
    public static <K, V> int deleteWhere(KeyValueStore<K, V> store, Predicate<V> expired) {
        List<K> old = new ArrayList<>();
        try (KeyValueIterator<K, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (expired.test(entry.value)) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(store::delete);
        return old.size();
    }
}
