package io.vigil.gateway.camera;

import io.vigil.contracts.MotionSettings;
import io.vigil.gateway.status.StatusView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

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
        long revision,
        Instant createdAt,
        Instant updatedAt,
        StatusView status) {

    public static CameraView of(Camera camera, StatusView status) {
        return new CameraView(camera.id(), camera.name(), camera.redactedUrl(), camera.hasCredentials(),
                camera.mode().wireName(), camera.rotationSeconds(), camera.preRollSeconds(), camera.postRollSeconds(),
                camera.maxEventSeconds(), camera.motion(), camera.revision(), camera.createdAt(), camera.updatedAt(), status);
    }
}
