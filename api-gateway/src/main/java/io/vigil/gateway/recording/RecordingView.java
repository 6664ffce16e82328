package io.vigil.gateway.recording;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A recording as the API shows it; its bytes are at {@code /api/recordings/{id}/media}. */
@Schema(name = "Recording")
public record RecordingView(
        long id,
        String cameraId,
        Instant start,
        Instant end,
        double durationSeconds,
        long bytes,
        String codec,
        Integer width,
        Integer height,
        Double fps,
        String sessionId,
        Long firstSequence,
        Long lastSequence,
        Integer pieceCount,
        @Schema(enumeration = {"continuous", "motion", "manual", "external"}, description = "why it was recorded")
        String reason,
        @Schema(description = "the event it was recorded for (mode events); null for continuous recordings")
        String eventId,
        @Schema(description = "a locked recording is never deleted by retention or storage protection, nor by DELETE until unlocked")
        boolean retentionLocked) {

    public static RecordingView of(Recording r) {
        return new RecordingView(r.id(), r.cameraId(), r.start(), r.end(), r.durationMs() / 1000.0, r.bytes(),
                r.codec(), r.width(), r.height(), r.fps(), r.sessionId(), r.firstSequence(), r.lastSequence(),
                r.pieceCount(), r.reason(), r.eventId(), r.retentionLocked());
    }
}
