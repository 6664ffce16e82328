package io.vigil.gateway.status;

import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.PreRollStats;
import io.vigil.contracts.RecorderStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A camera's live status as the API shows it, from ingest's camera status and the recorder's status.
 * A camera status older than the stale limit belongs to an ingest instance that is gone: the camera
 * is then neither online nor recording, and its recording state is unknown; the connection shows
 * what was last reported.
 */
public record StatusView(
        @Schema(enumeration = {"idle", "buffering", "recording", "finalizing", "unknown"},
                description = "the recording state machine; unknown without a (fresh) status")
        String state,
        @Schema(enumeration = {"connecting", "streaming", "offline", "stopped", "unknown"},
                description = "the connection to the camera, as last reported")
        String connection,
        boolean online,
        @Schema(description = "footage is being recorded right now")
        boolean recording,
        @Schema(description = "the running event, null when none")
        String eventId,
        @Schema(enumeration = {"motion", "manual", "external"})
        String eventReason,
        Instant eventStartedAt,
        @Schema(description = "seconds since the running event started, else since the open file started, else null")
        Long elapsedSeconds,
        @Schema(description = "the file the recorder is writing, relative to the recordings root; null when none")
        String currentFile,
        @Schema(description = "seconds of footage held in the pre-roll buffer")
        Double preRollSeconds,
        PreRollStats preRoll,
        String instance,
        String sessionId,
        String codec,
        Integer width,
        Integer height,
        Double fps,
        Long bitrate,
        String lastError,
        String errorCode,
        Instant retryAt,
        Long reconnects,
        Instant updatedAt,
        @Schema(enumeration = {"rtsp", "rtsps", "hls", "http"}, description = "the kind of source", nullable = true)
        String source,
        @Schema(enumeration = {"complete", "error", "user"}, nullable = true,
                description = "why the last source session stopped; null while one runs")
        String stopReason,
        @Schema(enumeration = {"failure", "timeout", "forbidden", "not_found", "drm_protected"}, nullable = true,
                description = "for stopReason error: which")
        String errorId,
        @Schema(nullable = true, description = "the camera clock's drift against the ingest clock, in seconds (positive: the camera"
                + " runs ahead), as measured in the running session (docs/time.md); null while not streaming")
        Double clockSkewSeconds) {

    private static final String UNKNOWN = "unknown";

    public static StatusView of(CameraStatus status, RecorderStatus recorder, Instant now, Duration staleAfter) {
        String file = recorder == null ? null : recorder.file();
        Instant fileStart = file == null ? null : recorder.fileStart();
        if (status == null) {
            return new StatusView(UNKNOWN, UNKNOWN, false, false, null, null, null, since(fileStart, now), file,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        boolean fresh = status.updatedAt() != null && status.updatedAt().plus(staleAfter).isAfter(now);
        boolean inEvent = fresh && status.eventId() != null;
        Instant eventStartedAt = inEvent ? status.eventStartedAt() : null;
        return new StatusView(
                fresh ? status.recordingState().wireName() : UNKNOWN,
                status.state() == null ? UNKNOWN : status.state().name().toLowerCase(Locale.ROOT),
                status.online() && fresh,
                status.recording() && fresh,
                inEvent ? status.eventId() : null,
                inEvent && status.eventReason() != null ? status.eventReason().wireName() : null,
                eventStartedAt,
                eventStartedAt != null ? since(eventStartedAt, now) : since(fileStart, now),
                file,
                status.preRoll().seconds(),
                status.preRoll(),
                status.instance(), status.sessionId(), status.codec(), status.width(), status.height(), status.fps(),
                status.bitrate(),
                // ingest redacts already; a second pass costs nothing and guards the API
                CameraUrls.redact(status.lastError()), status.errorCode(), status.retryAt(), status.reconnects(),
                status.updatedAt(), status.source(), status.stopReason(), status.errorId(), fresh ? status.clockSkewSeconds() : null);
    }

    /** Whole seconds from then to now; never negative when clocks disagree a little. */
    private static Long since(Instant then, Instant now) {
        return then == null ? null : Math.max(0, Duration.between(then, now).toSeconds());
    }
}
