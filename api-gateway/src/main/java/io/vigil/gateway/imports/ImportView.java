package io.vigil.gateway.imports;

import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.SourceStop;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An import as the API shows it: the request (credentials masked, header names only) and its latest status. */
@Schema(name = "Import")
public record ImportView(
        String id,
        @Schema(description = "the source URL with credentials masked") String url,
        @Schema(enumeration = {"hls", "mp4"}) String kind,
        String cameraId,
        @Schema(nullable = true, description = "the wall-clock start given for the first frame") Instant start,
        @Schema(description = "the names of the headers sent, each \"set\"") Map<String, String> headers,
        @Schema(enumeration = {"queued", "running", "cancelling", "complete", "error", "cancelled"},
                description = "queued: no ingest instance reported yet; cancelling: a cancel was sent, the stop not yet reported")
        String state,
        @Schema(nullable = true, description = "share of the media's duration copied, 0..100") Double percent,
        @Schema(description = "media bytes copied") long bytes,
        @Schema(description = "copy speed so far, bytes per second") double bytesPerSecond,
        @Schema(nullable = true, description = "seconds left at that speed") Double etaSeconds,
        double mediaSeconds,
        @Schema(nullable = true) Double durationSeconds,
        @Schema(description = "HLS segments given up after their retries; each is a catalogued gap") int segmentsSkipped,
        @Schema(nullable = true, description = "wall-clock time of the first frame copied") Instant mediaStart,
        @Schema(nullable = true, description = "where the media copied so far ends") Instant mediaEnd,
        @Schema(enumeration = {"complete", "error", "user"}, nullable = true) String reason,
        @Schema(enumeration = {"failure", "timeout", "forbidden", "not_found", "drm_protected"}, nullable = true) String error,
        @Schema(nullable = true) String message,
        @Schema(nullable = true, description = "HLS playlist of what was copied, once there is any") String playback,
        @Schema(nullable = true) String instance,
        Instant createdAt,
        @Schema(nullable = true) Instant cancelRequestedAt,
        @Schema(nullable = true, description = "of the latest status event") Instant updatedAt) {

    /** What an import whose ingest instance stopped renewing its status shows; nothing stays running forever. */
    static final String LOST = "ingest instance lost";

    /**
     * @param now       to tell a running import from a lost one
     * @param lostAfter how long a running import's status may go without renewal
     */
    static ImportView of(ImportJob job, ImportStatus status, Instant now, Duration lostAfter) {
        Map<String, String> headers = new TreeMap<>();
        job.headerNames().forEach(name -> headers.put(name, "set"));
        String id = job.id().toString();
        if (status == null) {
            return new ImportView(id, job.url(), job.kind(), job.cameraId(), job.startAt(), headers,
                    job.cancelRequestedAt() != null ? "cancelling" : "queued", null, 0, 0, null, 0, null, 0, null, null,
                    null, null, null, null, null, job.createdAt(), job.cancelRequestedAt(), null);
        }
        String playback = status.mediaStart() == null || status.mediaEnd() == null ? null
                : "/api/cameras/" + job.cameraId() + "/playback.m3u8?from=" + status.mediaStart() + "&to=" + status.mediaEnd();
        if (lost(status, now, lostAfter)) {
            return new ImportView(id, job.url(), job.kind(), job.cameraId(), job.startAt(), headers, "error",
                    status.percent(), status.bytes(), 0, null, status.mediaSeconds(), status.durationSeconds(),
                    status.segmentsSkipped(), status.mediaStart(), status.mediaEnd(), SourceStop.ERROR, SourceStop.FAILURE,
                    LOST + ": " + status.instance() + " has not reported since " + status.updatedAt()
                            + "; what it copied is kept, start the import again for the rest",
                    playback, status.instance(), job.createdAt(), job.cancelRequestedAt(), status.updatedAt());
        }
        return new ImportView(id, job.url(), job.kind(), job.cameraId(), job.startAt(), headers, state(job, status),
                status.percent(), status.bytes(), status.bytesPerSecond(), status.etaSeconds(), status.mediaSeconds(),
                status.durationSeconds(), status.segmentsSkipped(), status.mediaStart(), status.mediaEnd(), status.reason(),
                status.error(), CameraUrls.redact(status.message()), playback, status.instance(), job.createdAt(),
                job.cancelRequestedAt(), status.updatedAt());
    }

    private static boolean lost(ImportStatus status, Instant now, Duration lostAfter) {
        return status.event() != ImportStatus.Event.STOPPED && status.updatedAt() != null
                && status.updatedAt().plus(lostAfter).isBefore(now);
    }

    private static String state(ImportJob job, ImportStatus status) {
        if (status.event() != ImportStatus.Event.STOPPED) {
            return job.cancelRequestedAt() != null ? "cancelling" : "running";
        }
        return switch (status.reason() == null ? SourceStop.ERROR : status.reason()) {
            case SourceStop.COMPLETE -> "complete";
            case SourceStop.USER -> "cancelled";
            default -> "error";
        };
    }

    boolean stopped() {
        return state.equals("complete") || state.equals("error") || state.equals("cancelled");
    }
}
