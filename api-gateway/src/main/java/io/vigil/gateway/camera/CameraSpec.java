package io.vigil.gateway.camera;

import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.MotionSettings;

/** A camera's settings after validation, with the defaults filled in. */
public record CameraSpec(String id, String name, String url, CameraMode mode, int rotationSeconds,
                         int preRollSeconds, int postRollSeconds, int maxEventSeconds, MotionSettings motion) {

    @Override
    public String toString() {
        return "CameraSpec[id=" + id + ", url=" + CameraUrls.redact(url) + ", mode=" + mode + "]";
    }
}
