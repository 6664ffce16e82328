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
    void versionThreePieceHeaderReadsWithoutFencingToken() {
        PieceHeader header = read("""
                {"v":3,"cameraId":"door","sessionId":"s","sequence":1,"start":"2026-11-22T10:00:00Z",
                 "durationMicros":1000000,"codec":"avc1","keyframe":true,"rotationSeconds":900,
                 "sessionCause":"start","instance":"ingest-1"}""", PieceHeader.class);

        assertThat(header.ownerEpoch()).isNull();
        assertThat(header.instance()).isEqualTo("ingest-1");
        assertThat(header.forEvent(RecordingReason.MOTION, "e", 60).ownerEpoch()).isNull();
        PieceHeader fenced = new PieceHeader(PieceHeader.VERSION, "door", "s", 1, Instant.EPOCH, 1, "avc1", true, 900,
                RecordingReason.CONTINUOUS, null, SessionCause.START, null, "ingest-1", 12L);
        assertThat(fenced.forEvent(RecordingReason.MOTION, "e", 60).ownerEpoch()).isEqualTo(12L);
    }

    @Test
    void versionTwoRecordingAndStatusReadWithoutSessionCauseOrSkew() {
        RecordingClosed closed = read("""
                {"v":2,"cameraId":"door","path":"door/x.mp4","sessionId":"s","start":"2026-11-22T10:00:00Z",
                 "end":"2026-11-22T10:00:01Z","bytes":1,"pieceCount":1,"firstSequence":0,"lastSequence":0,
                 "codec":"avc1","closeReason":"idle","reason":"continuous","eventId":null}""", RecordingClosed.class);
        CameraStatus status = read("""
                {"v":2,"cameraId":"door","instance":"ingest-0","state":"streaming","online":true}""", CameraStatus.class);

        assertThat(closed.sessionCause()).isEqualTo(SessionCause.UNKNOWN);
        assertThat(closed.previousFailure()).isNull();
        assertThat(closed.instance()).isNull();
        assertThat(status.clockSkewSeconds()).isNull();
    }

    @Test
    void aSessionCauseThisVersionDoesNotKnowReadsAsUnknown() {
        RecordingClosed closed = read("""
                {"v":4,"cameraId":"door","path":"door/x.mp4","sessionId":"s","start":"2026-11-22T10:00:00Z",
                 "end":"2026-11-22T10:00:01Z","firstSequence":0,"lastSequence":0,"sessionCause":"teleport"}""",
                RecordingClosed.class);

        assertThat(closed.sessionCause()).isEqualTo(SessionCause.UNKNOWN);
    }

    @Test
    void versionThreeRecordingAndStatusRoundTrip() {
        RecordingClosed closed = new RecordingClosed(RecordingClosed.VERSION, "door", "door/x.mp4", "s", Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1), 1, 1, 0, 0, "avc1", "session", RecordingReason.CONTINUOUS, null,
                SessionCause.CONFIG, null, "ingest-1");
        CameraStatus status = new CameraStatus(CameraStatus.VERSION, "door", "ingest-1", CameraState.STREAMING, true, "s",
                "avc1", 1280, 720, 25, 2_000_000, null, null, null, 0, 10, Instant.EPOCH, Instant.EPOCH,
                RecordingState.IDLE, false, null, null, null, PreRollStats.EMPTY, -0.125);

        assertThat(ContractJson.read(ContractJson.write(closed), RecordingClosed.class)).isEqualTo(closed);
        assertThat(ContractJson.read(ContractJson.write(status), CameraStatus.class).clockSkewSeconds()).isEqualTo(-0.125);
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
