package io.vigil.gateway.camera;

import io.vigil.contracts.CameraUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of POST and PUT, as sent: {@link CameraValidator} checks it and fills the defaults
 * (a PUT replaces every setting: what it leaves out goes back to its default).
 * {@code mode} stays a string so that a wrong value is answered by name, not as a JSON type error.
 */
@Schema(name = "CameraRequest")
public record CameraRequest(
        @Schema(description = "[a-z0-9-]{1,63}; on PUT optional, and must match the path", example = "door") String id,
        @Schema(description = "1 to 200 characters; default: the id", example = "Front door") String name,
        @Schema(description = "rtsp, rtsps, http or https URL; may carry user:password", required = true,
                example = "rtsp://user:pass@192.168.1.20:554/stream") String url,
        @Schema(enumeration = {"off", "continuous", "events"}, defaultValue = "continuous",
                description = "events: record only around events (pre-roll, event, post-roll)") String mode,
        @Schema(minimum = "10", maximum = "86400", defaultValue = "900") Integer rotationSeconds,
        @Schema(minimum = "0", maximum = "30", defaultValue = "5",
                description = "footage before the trigger that an event's recording begins with") Integer preRollSeconds,
        @Schema(minimum = "0", maximum = "300", defaultValue = "10",
                description = "how long an event goes on being recorded after its last trigger ended") Integer postRollSeconds,
        @Schema(minimum = "10", maximum = "86400", defaultValue = "1800",
                description = "a longer event is split into consecutive recordings (never cut)") Integer maxEventSeconds,
        @Schema(description = "motion detection; absent: enabled with the defaults") MotionRequest motion) {

    @Override
    public String toString() {
        return "CameraRequest[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode + "]";
    }
}
