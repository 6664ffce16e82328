package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CameraUrlsTest {

    @Test
    void masksCredentialsInUrlsAndInText() {
        assertThat(CameraUrls.redact("rtsp://admin:s3cret@10.0.0.5:554/stream"))
                .isEqualTo("rtsp://***@10.0.0.5:554/stream");
        assertThat(CameraUrls.redact("Could not open rtsp://u:p%40ss@cam/x: 401 and http://a:b@h/"))
                .doesNotContain("p%40ss").doesNotContain("a:b@")
                .contains("rtsp://***@cam/x");
        assertThat(CameraUrls.redact("rtsp://cam/no-credentials")).isEqualTo("rtsp://cam/no-credentials");
    }

    @Test
    void masksPasswordLikeQueryParameters() {
        assertThat(CameraUrls.redact("http://cam/snapshot.cgi?user=admin&pwd=hunter2&channel=1"))
                .isEqualTo("http://cam/snapshot.cgi?user=***&pwd=***&channel=1");
        assertThat(CameraUrls.redact("https://cdn/live.m3u8?token=abc123#x")).isEqualTo("https://cdn/live.m3u8?token=***#x");
        assertThat(CameraUrls.redact("rtsp://cam/stream?channel=1&subtype=0")).isEqualTo("rtsp://cam/stream?channel=1&subtype=0");
    }

    @Test
    void cameraConfigNeverPrintsItsPassword() {
        CameraConfig config = new CameraConfig(1, "door", "Door", "rtsp://u:hunter2@cam/s",
                CameraMode.CONTINUOUS, 900, 5, 10, 1800, MotionSettings.DEFAULT, 1, Instant.EPOCH);
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(new String(ContractJson.write(config))).contains("\"mode\":\"continuous\"");
    }
}
