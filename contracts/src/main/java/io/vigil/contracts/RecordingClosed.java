package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A recording file the recorder finished, value of {@link Topics#RECORDINGS} keyed by camera id.
 *
 * @param path          the file relative to the recordings root, with '/' separators
 *                      ({@code door/2026-11-22/door_2026-11-22_10-00-00.mp4})
 * @param start         wall-clock start of the first piece
 * @param end           wall-clock end of the last piece
 * @param firstSequence sequence number of the first piece in the file
 * @param lastSequence  sequence number of the last piece in the file
 * @param closeReason   why the file ended: rotation, session, codec, event, idle, shutdown, revoked
 * @param reason        why it was recorded (the first piece's reason)
 * @param eventId       the event it was recorded for; null for continuous recordings
 * @param sessionCause  why the file's ingest session began (its first piece's): start, config,
 *                      reconnect; unknown in a version-2 record
 * @param previousFailure for a reconnect, the failure kind that ended the session before; else null
 * @param instance      the ingest instance that ran the session; null when not known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordingClosed(
        int v,
        String cameraId,
        String path,
        String sessionId,
        Instant start,
        Instant end,
        long bytes,
        int pieceCount,
        long firstSequence,
        long lastSequence,
        String codec,
        String closeReason,
        RecordingReason reason,
        String eventId,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) SessionCause sessionCause,
        String previousFailure,
        String instance) {

    /** 2 added reason and eventId (a version-1 record reads as continuous); 3 added sessionCause, previousFailure, instance. */
    public static final int VERSION = 3;

    public RecordingClosed {
        if (reason == null) {
            reason = RecordingReason.CONTINUOUS;
        }
        if (sessionCause == null) {
            sessionCause = SessionCause.UNKNOWN;
        }
    }

    /** A record that does not say why its session began (as a version-2 record reads). */
    public RecordingClosed(int v, String cameraId, String path, String sessionId, Instant start, Instant end, long bytes,
                           int pieceCount, long firstSequence, long lastSequence, String codec, String closeReason,
                           RecordingReason reason, String eventId) {
        this(v, cameraId, path, sessionId, start, end, bytes, pieceCount, firstSequence, lastSequence, codec, closeReason,
                reason, eventId, SessionCause.UNKNOWN, null, null);
    }
}
