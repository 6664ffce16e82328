package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * Where a camera's recording state machine stands (docs/events.md):
 * IDLE → BUFFERING → RECORDING → FINALIZING → BUFFERING.
 */
public enum RecordingState {
    /** No stream: the camera is off, connecting or offline. */
    @JsonProperty("idle") IDLE,
    /** Streaming into the pre-roll buffer; nothing is published (mode events, no event). */
    @JsonProperty("buffering") BUFFERING,
    /** Publishing pieces: an event runs, or the camera records continuously. */
    @JsonProperty("recording") RECORDING,
    /** The last trigger ended; publishing the post-roll. A new trigger goes back to RECORDING, same event. */
    @JsonProperty("finalizing") FINALIZING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
