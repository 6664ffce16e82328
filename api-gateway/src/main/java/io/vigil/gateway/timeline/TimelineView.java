package io.vigil.gateway.timeline;

import io.vigil.gateway.event.EventView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A camera's range at a glance, for a timeline: where there is footage, where it is missing and why, what happened. */
@Schema(name = "Timeline")
public record TimelineView(
        String cameraId,
        Instant from,
        Instant to,
        @Schema(description = "stretches with footage, clipped to [from, to), by start; recordings less than 1.5 s apart are one stretch")
        List<Span> covered,
        @Schema(description = "gaps the indexer recorded (footage missing while the camera was meant to record) overlapping the range, by start, not clipped")
        List<GapView> gaps,
        @Schema(description = "events overlapping the range, oldest first, as GET /api/events lists them")
        List<EventView> events,
        @Schema(description = "recordings overlapping the range")
        int recordings,
        @Schema(description = "seconds of the range with footage (the recordings themselves, not the joins of `covered`)")
        double coveredSeconds,
        @Schema(description = "seconds of the range inside recorded gaps")
        double gapSeconds) {

    /** A gap as the timeline shows it. */
    @Schema(name = "TimelineGap")
    public record GapView(
            Instant start,
            Instant end,
            @Schema(enumeration = {"camera_offline", "reconnect", "ingest_restart", "sequence_jump", "storage_full"})
            String cause,
            @Schema(nullable = true)
            String detail) {

        static GapView of(Gap gap) {
            return new GapView(gap.start(), gap.end(), gap.cause(), gap.detail());
        }
    }
}
