package io.vigil.gateway.imports;

import io.vigil.contracts.CameraUrls;

import java.time.Instant;
import java.util.Map;

/**
 * An import request after validation.
 *
 * @param kind     hls or mp4, by the URL's path
 * @param cameraId the camera id its recordings are filed under
 * @param start    the wall-clock time of the first frame; null: the playlist's date, else when it starts
 */
record ImportSpec(String url, String kind, String cameraId, Instant start, Map<String, String> headers, String variant) {

    @Override
    public String toString() {
        return "ImportSpec[url=" + CameraUrls.redact(url) + ", camera=" + cameraId + ", headers=" + headers.keySet() + "]";
    }
}
