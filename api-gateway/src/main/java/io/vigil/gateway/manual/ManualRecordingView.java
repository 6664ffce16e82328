package io.vigil.gateway.manual;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A started manual recording, as the API answers a start. */
@Schema(name = "ManualRecording")
public record ManualRecordingView(
        String cameraId,
        @Schema(description = "the event the recording is catalogued under (unless it joined an event already running)")
        String eventId,
        Instant startedAt,
        @Schema(description = "when it stops by itself; null: when stopped", nullable = true)
        Instant until,
        @Schema(description = "present only when the recordings volume is above its warn threshold (code -1008)", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Warning warning) {

    /** Something the client should know although the start succeeded. */
    @Schema(name = "Warning")
    public record Warning(int code, String message) {
    }

    static ManualRecordingView of(ManualRecording recording, Warning warning) {
        return new ManualRecordingView(recording.cameraId(), recording.eventId(), recording.startedAt(), recording.until(),
                warning);
    }
}
