package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Records written by an older version still read, with the defaults of what they lacked. */
class ContractVersionsTest {

    private static <T> T read(String json, Class<T> type) {
        return ContractJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void versionOneCameraConfigReadsWithEventDefaults() {
        CameraConfig config = read("""
                {"v":1,"id":"door","name":"Door","url":"rtsp://cam/s","mode":"events","rotationSeconds":900,
                 "revision":3,"updatedAt":"2026-11-22T10:00:00Z"}""", CameraConfig.class);

        assertThat(config.preRollSeconds()).isEqualTo(CameraConfig.DEFAULT_PRE_ROLL_SECONDS);
        assertThat(config.postRollSeconds()).isEqualTo(CameraConfig.DEFAULT_POST_ROLL_SECONDS);
        assertThat(config.maxEventSeconds()).isEqualTo(CameraConfig.DEFAULT_MAX_EVENT_SECONDS);
        assertThat(config.motion()).isEqualTo(MotionSettings.DEFAULT);
    }

    @Test
    void versionTwoCameraConfigKeepsAZeroPreRoll() {
        CameraConfig config = new CameraConfig(CameraConfig.VERSION, "door", "Door", "rtsp://cam/s", CameraMode.EVENTS, 900,
                0, 0, 60, new MotionSettings(true, 70, 2.5, List.of(new Region(0, 0, 0.5, 0.5))), 4, Instant.EPOCH);

        CameraConfig copy = ContractJson.read(ContractJson.write(config), CameraConfig.class);

        assertThat(copy).isEqualTo(config);
        assertThat(copy.preRollSeconds()).isZero();
    }

    @Test
    void versionOnePieceHeaderAndRecordingReadAsContinuous() {
        PieceHeader header = read("""
                {"v":1,"cameraId":"door","sessionId":"s","sequence":1,"start":"2026-11-22T10:00:00Z",
                 "durationMicros":1000000,"codec":"avc1","keyframe":true,"rotationSeconds":900}""", PieceHeader.class);
        RecordingClosed closed = read("""
                {"v":1,"cameraId":"door","path":"door/x.mp4","sessionId":"s","start":"2026-11-22T10:00:00Z",
                 "end":"2026-11-22T10:00:01Z","bytes":1,"pieceCount":1,"firstSequence":0,"lastSequence":0,
                 "codec":"avc1","closeReason":"idle"}""", RecordingClosed.class);

        assertThat(header.reason()).isEqualTo(RecordingReason.CONTINUOUS);
        assertThat(header.eventId()).isNull();
        assertThat(closed.reason()).isEqualTo(RecordingReason.CONTINUOUS);
    }

    @Test
    void regionsOutsideThePictureAreRefused() {
        assertThat(new Region(0.5, 0.5, 0.5, 0.5).problem()).isNull();
        assertThat(new Region(0.6, 0, 0.5, 0.5).problem()).contains("x + width");
        assertThat(new Region(-0.1, 0, 0.5, 0.5).problem()).contains("x and y");
        assertThat(new Region(0, 0, 0, 0.5).problem()).contains("width and height");
    }

    @Test
    void triggersAndCommandsSayWhatIsWrong() {
        assertThat(new Trigger(1, "door", null, null, null, "bell").problem()).isNull();
        assertThat(new Trigger(1, "../x", null, null, null, null).problem()).contains("cameraId");
        assertThat(new Trigger(1, "door", null, null, -1, null).problem()).contains("durationSeconds");
        assertThat(new CameraCommand(1, "door", null, "e", Instant.EPOCH, null).problem()).contains("action");
        assertThat(new CameraCommand(1, "door", CameraCommand.Action.START, "e", Instant.EPOCH, null)
                .runningAt(Instant.now())).isTrue();
        assertThat(new CameraCommand(1, "door", CameraCommand.Action.START, "e", Instant.EPOCH, Instant.EPOCH.plusSeconds(5))
                .runningAt(Instant.now())).isFalse();
    }
}
