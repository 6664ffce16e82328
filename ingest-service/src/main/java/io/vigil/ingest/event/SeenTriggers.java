package io.vigil.ingest.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the latest external triggers applied, so a retried or replayed trigger counts once. */
final class SeenTriggers {

    private final Map<String, Boolean> ids;

    SeenTriggers(int capacity) {
        ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the id; false when it was already seen. */
    boolean firstTime(String triggerId) {
        return ids.put(triggerId, Boolean.TRUE) == null;
    }
}
