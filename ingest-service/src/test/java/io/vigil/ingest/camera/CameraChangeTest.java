package io.vigil.ingest.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MotionSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraChangeTest {

    private static final String URL = "rtsp://admin:s3cret@10.0.0.9/stream1";

    @Test
    void aConfigIsAnUpsertAndATombstoneARemoval() {
        CameraConfig config = config("cam-1", URL, CameraMode.CONTINUOUS, 900);

        assertThat(CameraChange.decode("cam-1", ContractJson.write(config))).isEqualTo(new CameraChange.Upsert(config));
        assertThat(CameraChange.decode("cam-1", null)).isEqualTo(new CameraChange.Removal("cam-1"));
    }

    @Test
    void brokenRecordsAreRefusedWithoutShowingTheUrl() {
        assertRefused("Cam 1", ContractJson.write(config("cam-1", URL, CameraMode.CONTINUOUS, 900)), "key");
        assertRefused("cam-1", "{not json".getBytes(StandardCharsets.UTF_8), "CameraConfig");
        assertRefused("cam-2", ContractJson.write(config("cam-1", URL, CameraMode.CONTINUOUS, 900)), "differs");
        assertRefused("cam-1", ContractJson.write(config("cam-1", null, CameraMode.CONTINUOUS, 900)), "URL");
        assertRefused("cam-1", ContractJson.write(config("cam-1", URL, null, 900)), "mode");
        assertRefused("cam-1", ContractJson.write(config("cam-1", URL, CameraMode.EVENTS, 5)), "rotationSeconds");
    }

    private static void assertRefused(String key, byte[] value, String reason) {
        assertThatThrownBy(() -> CameraChange.decode(key, value))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    static CameraConfig config(String id, String url, CameraMode mode, int rotation) {
        return new CameraConfig(CameraConfig.VERSION, id, "Front door", url, mode, rotation, 5, 10, 1800, MotionSettings.DEFAULT,
                3, Instant.parse("2024-03-01T12:00:00Z"));
    }
}
