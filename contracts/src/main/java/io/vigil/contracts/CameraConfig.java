package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A camera's configuration, value of {@link Topics#CAMERA_CONFIG} keyed by {@link #id()}.
 * The gateway owns it (PostgreSQL) and publishes every change; a tombstone means the camera was removed.
 * {@link #url()} may hold credentials: never log it, use {@link CameraUrls#redact(String)}.
 *
 * @param v               contract version, {@link #VERSION}
 * @param revision        grows with each change of this camera, so a consumer can ignore a stale copy
 * @param rotationSeconds how long a recording file lasts before the recorder starts the next one
 * @param preRollSeconds  how much footage before an event's trigger its recording begins with
 * @param postRollSeconds how long an event goes on being recorded after its last trigger ended
 * @param maxEventSeconds an event running longer is split into consecutive recordings (never cut)
 * @param motion          how motion is detected; also in mode continuous, for the timeline
 * @param headers         HTTP headers sent to an HLS or HTTP source (Authorization, Cookie, User-Agent...);
 *                        secret like a password: never log them (v3; empty when none)
 * @param variant         of a master playlist, the variant to record: its URI as written in the playlist
 *                        or its RESOLUTION (1280x720); null: the highest bandwidth (v3)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraConfig(
        int v,
        String id,
        String name,
        String url,
        CameraMode mode,
        int rotationSeconds,
        int preRollSeconds,
        int postRollSeconds,
        int maxEventSeconds,
        MotionSettings motion,
        long revision,
        Instant updatedAt,
        Map<String, String> headers,
        String variant) {

    /** 2 added the event settings (a version-1 record reads with their defaults); 3 added headers and variant. */
    public static final int VERSION = 3;
    public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");
    public static final int DEFAULT_ROTATION_SECONDS = 900;
    public static final int MIN_ROTATION_SECONDS = 10;
    public static final int MAX_ROTATION_SECONDS = 86_400;
    public static final int DEFAULT_PRE_ROLL_SECONDS = 5;
    public static final int MAX_PRE_ROLL_SECONDS = 30;
    public static final int DEFAULT_POST_ROLL_SECONDS = 10;
    public static final int MAX_POST_ROLL_SECONDS = 300;
    public static final int DEFAULT_MAX_EVENT_SECONDS = 1800;
    public static final int MIN_MAX_EVENT_SECONDS = 10;
    public static final int MAX_MAX_EVENT_SECONDS = 86_400;

    public CameraConfig {
        if (v < 2) {
            preRollSeconds = DEFAULT_PRE_ROLL_SECONDS;
            postRollSeconds = DEFAULT_POST_ROLL_SECONDS;
            maxEventSeconds = DEFAULT_MAX_EVENT_SECONDS;
        }
        if (motion == null) {
            motion = MotionSettings.DEFAULT;
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A camera without source headers or variant (an RTSP camera, or a v2 record). */
    public CameraConfig(int v, String id, String name, String url, CameraMode mode, int rotationSeconds,
                        int preRollSeconds, int postRollSeconds, int maxEventSeconds, MotionSettings motion,
                        long revision, Instant updatedAt) {
        this(v, id, name, url, mode, rotationSeconds, preRollSeconds, postRollSeconds, maxEventSeconds, motion,
                revision, updatedAt, Map.of(), null);
    }

    /** Whether the source is reached the same way: same URL, headers and variant (a change needs a new session). */
    public boolean sameSource(CameraConfig other) {
        return other != null && url.equals(other.url) && headers.equals(other.headers)
                && java.util.Objects.equals(variant, other.variant);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public String toString() {
        // records print every field; the URL may hold a password
        return "CameraConfig[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode
                + ", rotationSeconds=" + rotationSeconds + ", preRoll=" + preRollSeconds + ", postRoll=" + postRollSeconds
                + ", maxEvent=" + maxEventSeconds + ", motion=" + motion + ", headers=" + headers.keySet()
                + ", variant=" + variant + ", revision=" + revision + "]";
    }
}
