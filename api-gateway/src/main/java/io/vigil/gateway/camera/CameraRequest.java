package io.vigil.gateway.camera;

import io.vigil.contracts.CameraUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * The JSON body of POST and PUT, as sent: {@link CameraValidator} checks it and fills the defaults
 * (a PUT replaces every setting: what it leaves out goes back to its default).
 * {@code mode} stays a string so that a wrong value is answered by name, not as a JSON type error.
 */
@Schema(name = "CameraRequest")
public record CameraRequest(
        @Schema(description = "[a-z0-9-]{1,63}; on PUT optional, and must match the path", example = "door") String id,
        @Schema(description = "1 to 200 characters; default: the id", example = "Front door") String name,
        @Schema(description = "rtsp://, rtsps://, http(s)://…m3u8 (HLS, live) or http(s)://…mp4; may carry user:password", required = true,
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
        @Schema(description = "motion detection; absent: enabled with the defaults") MotionRequest motion,
        @Schema(minimum = "1", maximum = "3650", defaultValue = "7",
                description = "recordings that ended longer ago are deleted (locked ones stay)") Integer retentionDays,
        @Schema(minimum = "104857600", nullable = true,
                description = "the most this camera's recordings may take, in bytes; the oldest go first; null: no cap") Long retentionBytes,
        @Schema(description = "HTTP headers sent to an HLS or HTTP source (Authorization, Cookie, User-Agent...); "
                + "stored like a password: never returned (GET shows each name as \"set\"); a PUT without them removes them",
                example = "{\"Authorization\": \"Bearer eyJ...\"}") Map<String, String> headers,
        @Schema(description = "of a master playlist: the variant to record, by its URI as written there or its RESOLUTION; "
                + "default: the highest BANDWIDTH", example = "1280x720") String variant) {

    /** A request without source headers or variant. */
    public CameraRequest(String id, String name, String url, String mode, Integer rotationSeconds, Integer preRollSeconds,
                         Integer postRollSeconds, Integer maxEventSeconds, MotionRequest motion, Integer retentionDays,
                         Long retentionBytes) {
        this(id, name, url, mode, rotationSeconds, preRollSeconds, postRollSeconds, maxEventSeconds, motion, retentionDays,
                retentionBytes, null, null);
    }

    @Override
    public String toString() {
        return "CameraRequest[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode + "]";
    }
}
