package io.vigil.indexer.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One camera's storage policy (columns {@code camera.retention_days} and {@code retention_bytes}):
 * recordings that ended more than {@code days} ago go, and, with a byte cap, the oldest go until
 * the camera's recordings fit in it. Locked recordings never go, but their bytes count.
 *
 * @param bytesCap null: no cap
 */
public record RetentionPolicy(int days, Long bytesCap) {

    public static final int DEFAULT_DAYS = 7;
    /** Cameras not (or no longer) in the camera table: their footage is kept the default time. */
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(DEFAULT_DAYS, null);

    public RetentionPolicy {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1, not " + days);
        }
        if (bytesCap != null && bytesCap < 0) {
            throw new IllegalArgumentException("retention bytes must not be negative");
        }
    }

    /** Recordings that ended before this are expired. */
    public Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    public boolean expired(Instant end, Instant now) {
        return end.isBefore(cutoff(now));
    }

    /** A recording as the byte cap sees it. */
    public record Stored(long id, long bytes, boolean locked) {
    }

    /**
     * The recordings beyond the byte cap: keeping the newest first, every unlocked one that no
     * longer fits goes. Locked ones always stay and use up the cap first.
     *
     * @param newestFirst the camera's recordings (not being deleted), newest first
     */
    public List<Long> beyondCap(List<Stored> newestFirst) {
        if (bytesCap == null) {
            return List.of();
        }
        long kept = newestFirst.stream().filter(Stored::locked).mapToLong(Stored::bytes).sum();
        List<Long> beyond = new ArrayList<>();
        boolean full = false;
        for (Stored recording : newestFirst) {
            if (recording.locked()) {
                continue;
            }
            // once one does not fit, every older one goes too: the footage kept is the newest, without holes
            full = full || kept + recording.bytes() > bytesCap;
            if (full) {
                beyond.add(recording.id());
            } else {
                kept += recording.bytes();
            }
        }
        return beyond;
    }
}
