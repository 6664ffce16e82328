package io.vigil.gateway.timeline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The days of a month with footage, for a calendar. */
@Schema(name = "RecordingDates")
public record RecordingDatesView(
        String cameraId,
        @Schema(example = "2026-11")
        String month,
        @Schema(example = "Europe/Berlin")
        String tz,
        @Schema(description = "local days (in tz) on which any recording overlaps, ascending; a recording across midnight marks both days")
        List<LocalDate> dates) {
}
