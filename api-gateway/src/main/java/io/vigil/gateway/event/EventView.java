package io.vigil.gateway.event;

import io.vigil.contracts.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An event as the API shows it, with the recordings that show it. */
@Schema(name = "Event")
public record EventView(
        String id,
        String cameraId,
        @Schema(description = "the first trigger")
        Instant start,
        @Schema(description = "the last trigger's end; null while the event runs", nullable = true)
        Instant end,
        @Schema(description = "where the event's recording ends, post-roll included; null while it runs", nullable = true)
        Instant recordingEnd,
        @Schema(enumeration = {"motion", "manual", "external", "continuous"})
        String reason,
        @Schema(description = "the trigger's label (external), if any", nullable = true)
        String label,
        @Schema(description = "motion: the largest changed share of the unmasked picture (0..1)", nullable = true)
        Double peakScore,
        @Schema(description = "motion: the changed area at the peak, relative to the picture; null when none", nullable = true)
        Region box,
        @Schema(description = "recordings of the camera overlapping [start, recordingEnd (or end, or now)], by start")
        List<Recording> recordings) {

    /** A recording that shows the event; its bytes are at {@code mediaUrl}. */
    @Schema(name = "EventRecording")
    public record Recording(long id, Instant start, Instant end,
                            @Schema(example = "/api/recordings/42/media") String mediaUrl) {

        static Recording of(EventRecording row) {
            return new Recording(row.recordingId(), row.start(), row.end(), "/api/recordings/" + row.recordingId() + "/media");
        }
    }

    static EventView of(Event event, List<Recording> recordings) {
        return new EventView(event.id(), event.cameraId(), event.start(), event.end(), event.recordingEnd(), event.reason(),
                event.label(), event.peakScore(), event.box(), recordings);
    }
}
