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
        PreRollStats preRoll) {

    /** 2 added the recording state machine's fields. */
    public static final int VERSION = 2;

    public CameraStatus {
        if (recordingState == null) {
            recordingState = RecordingState.IDLE;
        }
        if (preRoll == null) {
            preRoll = PreRollStats.EMPTY;
        }
    }
}
