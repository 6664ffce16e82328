package io.vigil.indexer.gaps;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why footage is missing where a camera was meant to record: the {@code cause} column of a gap (docs/catalog.md). */
public enum GapCause {
    /** The camera could not be reached or sent nothing: refused, not found, unauthorized, timed out, silent. */
    CAMERA_OFFLINE,
    /** The stream failed otherwise (ended by the camera, bad data, Kafka refusing media) and was reopened. */
    RECONNECT,
    /** Ingest started the camera afresh: an instance (re)started, or took the camera over from another. */
    INGEST_RESTART,
    /** Pieces of one session are missing: the sequence numbers on either side do not follow each other. */
    SEQUENCE_JUMP,
    /** The camera's configuration changed and its session was restarted. */
    CONFIG_CHANGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The causes this detection writes, as an SQL list: only its own gaps are retracted when a
     * recording turns up inside one, never another writer's (storage_full).
     */
    static String sqlList() {
        return Arrays.stream(values()).map(cause -> "'" + cause.wireName() + "'").collect(Collectors.joining(", "));
    }
}
