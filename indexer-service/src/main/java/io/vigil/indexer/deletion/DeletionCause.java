package io.vigil.indexer.deletion;

import java.util.Locale;

/** Why a recording was deleted; the tag of {@code vigil_storage_deleted_recordings_total}. */
public enum DeletionCause {
    /** Older than its camera's retentionDays. */
    RETENTION_AGE,
    /** Beyond its camera's retentionBytes (the newest are kept). */
    RETENTION_BYTES,
    /** Storage protection: the volume was at or above warn, the oldest unlocked recordings went first. */
    STORAGE,
    /** A row whose file is gone, or an old file no row knows. */
    ORPHAN,
    /** A deletion begun earlier (marked) and finished now: a crash, or the gateway's DELETE interrupted. */
    RESUMED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
