package io.vigil.ingest.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest ids of something applied once (external triggers, stopped manual recordings), so a
 * retried or replayed record counts once. Bounded: the oldest are forgotten first.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the id; false when it was already seen. */
    boolean firstTime(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }
}
