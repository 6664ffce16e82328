package io.vigil.contracts;

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
        String eventId) {

    /** 2 added reason and eventId; a version-1 record reads as continuous. */
    public static final int VERSION = 2;

    public RecordingClosed {
        if (reason == null) {
            reason = RecordingReason.CONTINUOUS;
        }
    }
}
