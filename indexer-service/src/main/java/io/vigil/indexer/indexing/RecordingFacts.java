package io.vigil.indexer.indexing;

import io.vigil.contracts.RecordingReason;
import io.vigil.indexer.catalog.SessionOrigin;

import java.time.Instant;

/**
 * What is known about a recording before its file is opened: from the recorder's "recording
 * closed" event, or from its piece journal or name when the backfill finds it. The file itself
 * says the rest (codec, size, picture, duration).
 *
 * @param start wall-clock start of the first piece
 * @param codec the recorder's codec string, used only when ffprobe cannot tell
 * @param reason  why it was recorded; continuous when nothing says otherwise
 * @param eventId the event it was recorded for, null for continuous recording
 * @param session why its ingest session began; unknown when nothing says
 */
public record RecordingFacts(
        String cameraId,
        Instant start,
        String sessionId,
        Long firstSequence,
        Long lastSequence,
        Integer pieceCount,
        String codec,
        RecordingReason reason,
        String eventId,
        SessionOrigin session) {

    public RecordingFacts {
        if (reason == null) {
            reason = RecordingReason.CONTINUOUS;
        }
        if (session == null) {
            session = SessionOrigin.UNKNOWN;
        }
    }

    /** Facts that do not say why the session began. */
    public RecordingFacts(String cameraId, Instant start, String sessionId, Long firstSequence, Long lastSequence,
                          Integer pieceCount, String codec, RecordingReason reason, String eventId) {
        this(cameraId, start, sessionId, firstSequence, lastSequence, pieceCount, codec, reason, eventId, SessionOrigin.UNKNOWN);
    }
}
