package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A camera's configuration, value of {@link Topics#CAMERA_CONFIG} keyed by {@link #id()}.
 * The gateway owns it (PostgreSQL) and publishes every change; a tombstone means the camera was removed.
 * {@link #url()} may hold credentials: never log it, use {@link CameraUrls#redact(String)}.
 *
 * @param v               contract version, {@link #VERSION}
 * @param revision        grows with each change of this camera, so a consumer can ignore a stale copy
 * @param rotationSeconds how long a recording file lasts before the recorder starts the next one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraConfig(
        int v,
        String id,
        String name,
        String url,
        CameraMode mode,
        int rotationSeconds,
        long revision,
        Instant updatedAt) {

    public static final int VERSION = 1;
    public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");
    public static final int DEFAULT_ROTATION_SECONDS = 900;
    public static final int MIN_ROTATION_SECONDS = 10;
    public static final int MAX_ROTATION_SECONDS = 86_400;

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public String toString() {
        // records print every field; the URL may hold a password
        return "CameraConfig[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode
                + ", rotationSeconds=" + rotationSeconds + ", revision=" + revision + "]";
    }
}
