package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a camera's ingest session stands. */
public enum CameraState {
    /** Opening the stream (first time or after a failure). */
    @JsonProperty("connecting") CONNECTING,
    /** Packets are arriving. */
    @JsonProperty("streaming") STREAMING,
    /** The last attempt failed; the next one waits for the backoff. */
    @JsonProperty("offline") OFFLINE,
    /** Not running: mode off, or the camera was removed. */
    @JsonProperty("stopped") STOPPED
}
