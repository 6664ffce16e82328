package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * Why an ingest session of a camera began, stamped on every piece of it (docs/time.md, docs/catalog.md):
 * the indexer names the cause of a gap between two sessions after it.
 */
public enum SessionCause {
    /** The first session of the camera on this ingest instance: the instance started, took the camera over, or the camera was added. */
    @JsonProperty("start") START,
    /** The camera's configuration changed and its session was restarted. */
    @JsonProperty("config") CONFIG,
    /** The previous session ended with a stream failure (its kind in {@code previousFailure}). */
    @JsonProperty("reconnect") RECONNECT,
    /**
     * A session of an import (POST /api/imports): media copied from a VOD source, often dated in the past.
     * Retention counts an imported recording's age from when it was catalogued; a session after a skipped
     * segment carries the segment's failure kind in {@code previousFailure}.
     */
    @JsonProperty("import") IMPORT,
    /** Written by a version that did not say, or a cause this version does not know. */
    @JsonProperty("unknown") UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The cause a wire name stands for; null and names this version does not know read as {@link #UNKNOWN}. */
    public static SessionCause fromWire(String value) {
        for (SessionCause cause : values()) {
            if (cause.wireName().equals(value)) {
                return cause;
            }
        }
        return UNKNOWN;
    }
}
