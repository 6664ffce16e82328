package io.vigil.gateway.manual;

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
        Instant until) {

    static ManualRecordingView of(ManualRecording recording) {
        return new ManualRecordingView(recording.cameraId(), recording.eventId(), recording.startedAt(), recording.until());
    }
}
