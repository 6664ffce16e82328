package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The small header in front of every media piece (see {@link MediaPieceCodec}).
 *
 * @param sessionId       one ingest session of one camera: a new id at every (re)connect
 * @param sequence        0, 1, 2... within the session; a gap means a piece was lost
 * @param start           wall-clock start: the session's anchor plus media time (docs/time.md)
 * @param durationMicros  media duration of the piece; start + duration = next piece's start
 * @param codec           RFC 6381 codec string of the video track, e.g. avc1.64001f
 * @param keyframe        the piece begins with a keyframe (false only for a GOP split for size)
 * @param rotationSeconds the camera's file rotation at the time, so the recorder needs no other state;
 *                        for an event's pieces the shorter of it and the camera's maxEventSeconds
 * @param reason          why the piece is recorded: {@code continuous} in mode continuous, else the
 *                        reason of the event it belongs to (motion, manual, external)
 * @param eventId         the event the piece belongs to; null outside events. In mode continuous
 *                        the pieces of an event carry its id too, but the reason stays continuous
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PieceHeader(
        int v,
        String cameraId,
        String sessionId,
        long sequence,
        Instant start,
        long durationMicros,
        String codec,
        boolean keyframe,
        int rotationSeconds,
        RecordingReason reason,
        String eventId) {

    /** 2 added reason and eventId; a version-1 header reads as continuous. */
    public static final int VERSION = 2;

    public PieceHeader {
        if (reason == null) {
            reason = RecordingReason.CONTINUOUS;
        }
    }

    /** The same piece, stamped with the event it is recorded for. */
    public PieceHeader forEvent(RecordingReason newReason, String newEventId, int newRotationSeconds) {
        return new PieceHeader(v, cameraId, sessionId, sequence, start, durationMicros, codec, keyframe,
                newRotationSeconds, newReason, newEventId);
    }

    public Instant end() {
        return start.plusNanos(durationMicros * 1_000L);
    }
}
