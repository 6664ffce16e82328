package io.vigil.gateway.camera;

import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.MotionSettings;

import java.util.Map;

/**
 * A camera's settings after validation, with the defaults filled in.
 *
 * @param retentionDays  recordings that ended longer ago are deleted (the indexer's retention pass)
 * @param retentionBytes the most the camera's recordings may take (the oldest go first); null: no cap
 * @param headers        HTTP headers for an HLS or HTTP source; secret
 * @param variant        of a master playlist, the variant to record; null: the highest bandwidth
 */
public record CameraSpec(String id, String name, String url, CameraMode mode, int rotationSeconds,
                         int preRollSeconds, int postRollSeconds, int maxEventSeconds, MotionSettings motion,
                         int retentionDays, Long retentionBytes, Map<String, String> headers, String variant) {

    public CameraSpec {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A camera without source headers or variant. */
    public CameraSpec(String id, String name, String url, CameraMode mode, int rotationSeconds,
                      int preRollSeconds, int postRollSeconds, int maxEventSeconds, MotionSettings motion,
                      int retentionDays, Long retentionBytes) {
        this(id, name, url, mode, rotationSeconds, preRollSeconds, postRollSeconds, maxEventSeconds, motion,
                retentionDays, retentionBytes, Map.of(), null);
    }

    public static final int DEFAULT_RETENTION_DAYS = 7;

    /** A camera with the default retention (7 days, no byte cap). */
    public CameraSpec(String id, String name, String url, CameraMode mode, int rotationSeconds,
                      int preRollSeconds, int postRollSeconds, int maxEventSeconds, MotionSettings motion) {
        this(id, name, url, mode, rotationSeconds, preRollSeconds, postRollSeconds, maxEventSeconds, motion,
                DEFAULT_RETENTION_DAYS, null);
    }

    @Override
    public String toString() {
        return "CameraSpec[id=" + id + ", url=" + CameraUrls.redact(url) + ", headers=" + headers.keySet() + ", mode=" + mode + "]";
    }
}
