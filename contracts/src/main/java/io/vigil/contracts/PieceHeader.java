package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
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
 * @param sessionCause    why the session began: start, config or reconnect; a version-2 header (or a
 *                        cause this version does not know) reads as unknown
 * @param previousFailure for a reconnect, the failure kind that ended the session before (refused,
 *                        not_found, unauthorized, timeout, silent, failure); else null
 * @param instance        the ingest instance that runs the session; null in a version-2 header
 * @param ownerEpoch      the fencing token (v4): the generation of group {@code vigil-ingest} in which the
 *                        running instance was assigned the camera's partition. It only grows for a camera,
 *                        so the recorder refuses a camera's pieces of an older epoch once it has seen a newer
 *                        one (a replica that lost the camera without knowing it yet). Null in a version-3
 *                        header and for pieces that no partition assignment owns (imports): never fenced
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
        String eventId,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) SessionCause sessionCause,
        String previousFailure,
        String instance,
        Long ownerEpoch) {

    /**
     * 2 added reason and eventId (a version-1 header reads as continuous); 3 added sessionCause, previousFailure,
     * instance; 4 added ownerEpoch (a version-3 header reads without: never fenced).
     */
    public static final int VERSION = 4;

    public PieceHeader {
        if (reason == null) {
            reason = RecordingReason.CONTINUOUS;
        }
        if (sessionCause == null) {
            sessionCause = SessionCause.UNKNOWN;
        }
    }

    /** A header without fencing token (as a version-3 header reads). */
    public PieceHeader(int v, String cameraId, String sessionId, long sequence, Instant start, long durationMicros,
                       String codec, boolean keyframe, int rotationSeconds, RecordingReason reason, String eventId,
                       SessionCause sessionCause, String previousFailure, String instance) {
        this(v, cameraId, sessionId, sequence, start, durationMicros, codec, keyframe, rotationSeconds, reason, eventId,
                sessionCause, previousFailure, instance, null);
    }

    /** A header that does not say why its session began (as a version-2 header reads). */
    public PieceHeader(int v, String cameraId, String sessionId, long sequence, Instant start, long durationMicros,
                       String codec, boolean keyframe, int rotationSeconds, RecordingReason reason, String eventId) {
        this(v, cameraId, sessionId, sequence, start, durationMicros, codec, keyframe, rotationSeconds, reason, eventId,
                SessionCause.UNKNOWN, null, null, null);
    }

    /** The same piece, stamped with the event it is recorded for. */
    public PieceHeader forEvent(RecordingReason newReason, String newEventId, int newRotationSeconds) {
        return new PieceHeader(v, cameraId, sessionId, sequence, start, durationMicros, codec, keyframe,
                newRotationSeconds, newReason, newEventId, sessionCause, previousFailure, instance, ownerEpoch);
    }

    public Instant end() {
        return start.plusNanos(durationMicros * 1_000L);
    }
}
