package io.vigil.gateway.camera;

import io.vigil.contracts.MotionSettings;
import io.vigil.gateway.status.StatusView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** A camera as the API shows it: the URL with credentials masked, and its live status. */
@Schema(name = "Camera")
public record CameraView(
        String id,
        String name,
        @Schema(description = "the camera URL with user:password masked", example = "rtsp://***@192.168.1.20:554/stream")
        String url,
        @Schema(description = "whether the stored URL carries credentials (user-info or a password-like query parameter)") boolean credentials,
        @Schema(enumeration = {"off", "continuous", "events"}) String mode,
        int rotationSeconds,
        int preRollSeconds,
        int postRollSeconds,
        int maxEventSeconds,
        @Schema(description = "motion detection: enabled, sensitivity (1-100), minAreaPercent, masks (relative rectangles)")
        MotionSettings motion,
        @Schema(description = "the names of the source's HTTP headers, each \"set\"; their values are never returned",
                example = "{\"Authorization\": \"set\"}") Map<String, String> headers,
        @Schema(description = "the master playlist variant recorded; null: the highest bandwidth", nullable = true) String variant,
        long revision,
        @Schema(description = "recordings that ended longer ago are deleted (locked ones stay)") int retentionDays,
        @Schema(description = "the most this camera's recordings may take, bytes; null: no cap", nullable = true) Long retentionBytes,
        Instant createdAt,
        Instant updatedAt,
        StatusView status) {

    public static CameraView of(Camera camera, StatusView status) {
        return new CameraView(camera.id(), camera.name(), camera.redactedUrl(), camera.hasCredentials(),
                camera.mode().wireName(), camera.rotationSeconds(), camera.preRollSeconds(), camera.postRollSeconds(),
                camera.maxEventSeconds(), camera.motion(), camera.shownHeaders(), camera.variant(), camera.revision(), camera.retentionDays(), camera.retentionBytes(), camera.createdAt(), camera.updatedAt(), status);
    }
}
