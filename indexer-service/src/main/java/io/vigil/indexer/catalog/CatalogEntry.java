package io.vigil.indexer.catalog;

import io.vigil.contracts.RecordingReason;

import java.time.Instant;

/**
 * One row of the {@code recording} table, as the indexer writes it. Nullable fields are what a
 * probe or the recorder may not know.
 *
 * @param path          relative to the recordings root, '/'-separated: the row's identity
 * @param fragmentIndex the encoded {@link io.vigil.fmp4.FragmentIndex}, null if the file could not be read as fMP4
 * @param reason        why the file was recorded (continuous, or the kind of event)
 * @param eventId       the event it was recorded for; null for continuous recordings
 * @param session       why the recording's ingest session began
 */
public record CatalogEntry(
        String cameraId,
        String path,
        Instant start,
        Instant end,
        long durationMillis,
        long bytes,
        String codec,
        Integer width,
        Integer height,
        Double fps,
        String sessionId,
        Long firstSequence,
        Long lastSequence,
        Integer pieceCount,
        byte[] fragmentIndex,
        Instant indexedAt,
        RecordingReason reason,
        String eventId,
        SessionOrigin session) {

    public CatalogEntry {
        if (session == null) {
            session = SessionOrigin.UNKNOWN;
        }
    }

    /** A row that does not say why its session began. */
    public CatalogEntry(String cameraId, String path, Instant start, Instant end, long durationMillis, long bytes,
                        String codec, Integer width, Integer height, Double fps, String sessionId, Long firstSequence,
                        Long lastSequence, Integer pieceCount, byte[] fragmentIndex, Instant indexedAt,
                        RecordingReason reason, String eventId) {
        this(cameraId, path, start, end, durationMillis, bytes, codec, width, height, fps, sessionId, firstSequence,
                lastSequence, pieceCount, fragmentIndex, indexedAt, reason, eventId, SessionOrigin.UNKNOWN);
    }
}
