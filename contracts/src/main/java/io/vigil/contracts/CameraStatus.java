package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * Live status of a camera, value of {@link Topics#CAMERA_STATUS} keyed by camera id, published by
 * the ingest instance that runs the camera on every change and every few seconds while streaming.
 *
 * @param instance    the ingest instance running the camera
 * @param online      packets arrived within the silence timeout
 * @param lastError   why the last attempt failed, credentials redacted; null when none
 * @param errorCode   short machine-readable reason: refused, not_found, unauthorized, timeout, silent, failure
 * @param retryAt     when the next reconnect attempt is due while offline
 * @param reconnects  reconnect attempts since this instance took the camera
 * @param state       the connection: connecting, streaming, offline, stopped
 * @param recordingState the recording state machine: idle, buffering, recording, finalizing
 * @param recording   pieces are being published for recording right now
 * @param eventId     the running event, null when none
 * @param eventStartedAt when the running event's first trigger came
 * @param preRoll     what the camera's pre-roll buffer holds
 * @param clockSkewSeconds the camera's clock drift against the ingest clock in the running session
 *                    (positive: the camera's clock runs ahead), as measured (docs/time.md); null
 *                    while not streaming, or in a version-2 status
 * @param source      the kind of source: rtsp, rtsps, hls or http (v4)
 * @param stopReason  why the last session stopped: complete (a live HLS playlist ended), error, user (mode
 *                    off, removed); null while a session runs or before one ended (v4)
 * @param errorId     for stopReason error: failure, timeout, forbidden, not_found or drm_protected (v4)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraStatus(
        int v,
        String cameraId,
        String instance,
        CameraState state,
        boolean online,
        String sessionId,
        String codec,
        Integer width,
        Integer height,
        double fps,
        long bitrate,
        String lastError,
        String errorCode,
        Instant retryAt,
        long reconnects,
        long piecesPublished,
        Instant since,
        Instant updatedAt,
        RecordingState recordingState,
        boolean recording,
        String eventId,
        RecordingReason eventReason,
        Instant eventStartedAt,
        PreRollStats preRoll,
        Double clockSkewSeconds,
        String source,
        String stopReason,
        String errorId) {

    /** 2 added the recording state machine's fields; 3 added clockSkewSeconds; 4 source, stopReason, errorId. */
    public static final int VERSION = 4;

    public CameraStatus {
        if (recordingState == null) {
            recordingState = RecordingState.IDLE;
        }
        if (preRoll == null) {
            preRoll = PreRollStats.EMPTY;
        }
    }

    /** A status without a clock skew measurement (as a version-2 status reads). */
    public CameraStatus(int v, String cameraId, String instance, CameraState state, boolean online, String sessionId,
                        String codec, Integer width, Integer height, double fps, long bitrate, String lastError,
                        String errorCode, Instant retryAt, long reconnects, long piecesPublished, Instant since,
                        Instant updatedAt, RecordingState recordingState, boolean recording, String eventId,
                        RecordingReason eventReason, Instant eventStartedAt, PreRollStats preRoll) {
        this(v, cameraId, instance, state, online, sessionId, codec, width, height, fps, bitrate, lastError, errorCode,
                retryAt, reconnects, piecesPublished, since, updatedAt, recordingState, recording, eventId, eventReason,
                eventStartedAt, preRoll, null, null, null, null);
    }

    /** A status without the source session fields (as a version-3 status reads). */
    public CameraStatus(int v, String cameraId, String instance, CameraState state, boolean online, String sessionId,
                        String codec, Integer width, Integer height, double fps, long bitrate, String lastError,
                        String errorCode, Instant retryAt, long reconnects, long piecesPublished, Instant since,
                        Instant updatedAt, RecordingState recordingState, boolean recording, String eventId,
                        RecordingReason eventReason, Instant eventStartedAt, PreRollStats preRoll, Double clockSkewSeconds) {
        this(v, cameraId, instance, state, online, sessionId, codec, width, height, fps, bitrate, lastError, errorCode,
                retryAt, reconnects, piecesPublished, since, updatedAt, recordingState, recording, eventId, eventReason,
                eventStartedAt, preRoll, clockSkewSeconds, null, null, null);
    }
}
