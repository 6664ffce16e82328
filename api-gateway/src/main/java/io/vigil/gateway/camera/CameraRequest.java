package io.vigil.gateway.camera;

import io.vigil.contracts.CameraUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of POST and PUT, as sent: {@link CameraValidator} checks it and fills the defaults.
 * {@code mode} stays a string so that a wrong value is answered by name, not as a JSON type error.
 */
@Schema(name = "CameraRequest")
public record CameraRequest(
        @Schema(description = "[a-z0-9-]{1,63}; on PUT optional, and must match the path", example = "door") String id,
        @Schema(description = "1 to 200 characters; default: the id", example = "Front door") String name,
        @Schema(description = "rtsp, rtsps, http or https URL; may carry user:password", required = true,
                example = "rtsp://user:pass@192.168.1.20:554/stream") String url,
        @Schema(enumeration = {"off", "continuous", "events"}, defaultValue = "continuous") String mode,
        @Schema(minimum = "10", maximum = "86400", defaultValue = "900") Integer rotationSeconds) {

    @Override
    public String toString() {
        return "CameraRequest[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode + "]";
    }
}
