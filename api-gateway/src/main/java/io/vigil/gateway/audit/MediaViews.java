package io.vigil.gateway.audit;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The media views already recorded, so that one viewing makes one entry: a player fetches a
 * recording as dozens of byte ranges (one per HLS segment, seeks, retries). A request of the same
 * recording by the same actor from the same address within the view window is covered by the entry of
 * the first. Per gateway instance and in memory: after a restart, or behind another replica, a
 * viewing may make one more entry, never one less.
 */
@ApplicationScoped
class MediaViews {

    /** Beyond this many remembered views the oldest are forgotten early (more entries, never fewer). */
    private static final int MAX_REMEMBERED = 100_000;

    private final Duration window;
    private final Map<String, Instant> recorded = new ConcurrentHashMap<>();

    MediaViews(AuditConfig config) {
        this.window = config.viewWindow();
    }

    /** True when an entry written since {@code now - window} covers this request. */
    boolean covered(String actor, String address, long recordingId, Instant now) {
        Instant at = recorded.get(key(actor, address, recordingId));
        return at != null && at.plus(window).isAfter(now);
    }

    /** An entry of this view was written at {@code now}. */
    void recorded(String actor, String address, long recordingId, Instant now) {
        if (window.isZero()) {
            return;
        }
        if (recorded.size() >= MAX_REMEMBERED) {
            recorded.values().removeIf(at -> !at.plus(window).isAfter(now));
            if (recorded.size() >= MAX_REMEMBERED) {
                recorded.clear();
            }
        }
        recorded.put(key(actor, address, recordingId), now);
    }

    private static String key(String actor, String address, long recordingId) {
        return recordingId + "\n" + actor + "\n" + address;
    }
}
