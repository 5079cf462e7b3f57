package no.ks.barometer.respondent;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small least-recently-used map for what a warm container remembers between requests. */
final class RecentlySeen<K, V> {

    private final Map<K, V> entries;

    RecentlySeen(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }
}
