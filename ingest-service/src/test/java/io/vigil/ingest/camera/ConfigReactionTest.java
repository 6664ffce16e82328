package io.vigil.ingest.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigReactionTest {

    private static final CameraConfig RUNNING = config(5, "rtsp://cam/a", CameraMode.CONTINUOUS, 900, "Door");

    @Test
    void aReplayOrAStaleCopyChangesNothing() {
        assertThat(ConfigReaction.of(RUNNING, config(5, "rtsp://cam/b", CameraMode.OFF, 60, "Gate"))).isEqualTo(ConfigReaction.IGNORE);
        assertThat(ConfigReaction.of(RUNNING, config(4, "rtsp://cam/b", CameraMode.CONTINUOUS, 900, "Door"))).isEqualTo(ConfigReaction.IGNORE);
    }

    @Test
    void aNewNameOrRotationNeedsNoReconnect() {
        assertThat(ConfigReaction.of(RUNNING, config(6, "rtsp://cam/a", CameraMode.CONTINUOUS, 60, "Gate"))).isEqualTo(ConfigReaction.UPDATE);
    }

    @Test
    void newEventAndMotionSettingsNeedNoReconnect() {
        CameraConfig next = new CameraConfig(CameraConfig.VERSION, "cam-1", "Door", "rtsp://cam/a", CameraMode.CONTINUOUS, 900,
                0, 300, 60, new MotionSettings(false, 80, 5.0, List.of(new Region(0, 0, 0.5, 0.5))), 6, Instant.EPOCH);
        assertThat(ConfigReaction.of(RUNNING, next)).isEqualTo(ConfigReaction.UPDATE);
    }

    @Test
    void aNewUrlOrModeRestartsTheSession() {
        assertThat(ConfigReaction.of(RUNNING, config(6, "rtsp://cam/b", CameraMode.CONTINUOUS, 900, "Door"))).isEqualTo(ConfigReaction.RESTART);
        assertThat(ConfigReaction.of(RUNNING, config(6, "rtsp://cam/a", CameraMode.EVENTS, 900, "Door"))).isEqualTo(ConfigReaction.RESTART);
    }

    private static CameraConfig config(long revision, String url, CameraMode mode, int rotation, String name) {
        return new CameraConfig(CameraConfig.VERSION, "cam-1", name, url, mode, rotation, 5, 10, 1800, MotionSettings.DEFAULT,
                revision, Instant.EPOCH);
    }
}
