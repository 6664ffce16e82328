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
 * @param rotationSeconds the camera's file rotation at the time, so the recorder needs no other state
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
        int rotationSeconds) {

    public static final int VERSION = 1;

    public Instant end() {
        return start.plusNanos(durationMicros * 1_000L);
    }
}
