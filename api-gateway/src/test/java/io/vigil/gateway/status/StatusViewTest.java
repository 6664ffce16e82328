package io.vigil.gateway.status;

import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.PreRollStats;
import io.vigil.contracts.RecorderStatus;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusViewTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final PreRollStats PRE_ROLL = new PreRollStats(5.5, 1_400_000, 6, 1_600_000, 2);

    @Test
    void noStatusIsUnknownAndOffline() {
        StatusView view = StatusView.of(null, null, NOW, STALE);
        assertThat(view.state()).isEqualTo("unknown");
        assertThat(view.connection()).isEqualTo("unknown");
        assertThat(view.online()).isFalse();
        assertThat(view.recording()).isFalse();
        assertThat(view.elapsedSeconds()).isNull();
        assertThat(view.preRoll()).isNull();
    }

    @Test
    void freshStreamingStatusIsOnline() {
        StatusView view = StatusView.of(status(true, NOW.minusSeconds(5), null), null, NOW, STALE);
        assertThat(view.state()).isEqualTo("buffering");
        assertThat(view.connection()).isEqualTo("streaming");
        assertThat(view.online()).isTrue();
        assertThat(view.recording()).isFalse();
        assertThat(view.instance()).isEqualTo("ingest-0");
        assertThat(view.width()).isEqualTo(1280);
        assertThat(view.updatedAt()).isEqualTo(NOW.minusSeconds(5));
        assertThat(view.preRollSeconds()).isEqualTo(5.5);
        assertThat(view.preRoll()).isEqualTo(PRE_ROLL);
        assertThat(view.elapsedSeconds()).isNull();
    }

    @Test
    void aRunningEventIsShownWithItsElapsedTime() {
        CameraStatus status = recording(NOW.minusSeconds(2), NOW.minusMillis(42_700));
        RecorderStatus recorder = new RecorderStatus(1, "door", "recorder-0", "door/2026-11-22/door_2026-11-22_11-59-10.mp4",
                NOW.minusSeconds(50), "ev-1", NOW.minusSeconds(50));
        StatusView view = StatusView.of(status, recorder, NOW, STALE);
        assertThat(view.state()).isEqualTo("recording");
        assertThat(view.recording()).isTrue();
        assertThat(view.eventId()).isEqualTo("ev-1");
        assertThat(view.eventReason()).isEqualTo("motion");
        assertThat(view.eventStartedAt()).isEqualTo(NOW.minusMillis(42_700));
        assertThat(view.elapsedSeconds()).as("since the event started, whole seconds").isEqualTo(42);
        assertThat(view.currentFile()).isEqualTo("door/2026-11-22/door_2026-11-22_11-59-10.mp4");
    }

    @Test
    void withoutAnEventTheOpenFileGivesTheElapsedTime() {
        RecorderStatus recorder = new RecorderStatus(1, "door", "recorder-0", "door/a.mp4", NOW.minusSeconds(300), null, NOW);
        assertThat(StatusView.of(status(true, NOW, null), recorder, NOW, STALE).elapsedSeconds()).isEqualTo(300);
        assertThat(StatusView.of(null, recorder, NOW, STALE).elapsedSeconds()).isEqualTo(300);
        RecorderStatus closed = new RecorderStatus(1, "door", "recorder-0", null, null, null, NOW);
        StatusView idle = StatusView.of(status(true, NOW, null), closed, NOW, STALE);
        assertThat(idle.currentFile()).isNull();
        assertThat(idle.elapsedSeconds()).isNull();
    }

    @Test
    void staleStatusIsNeitherOnlineNorRecording() {
        StatusView view = StatusView.of(recording(NOW.minusSeconds(31), NOW.minusSeconds(60)), null, NOW, STALE);
        assertThat(view.connection()).as("as last reported").isEqualTo("streaming");
        assertThat(view.online()).isFalse();
        assertThat(view.recording()).isFalse();
        assertThat(view.state()).isEqualTo("unknown");
        assertThat(view.eventId()).isNull();
        assertThat(view.elapsedSeconds()).isNull();
    }

    @Test
    void theMeasuredClockSkewIsShownWhileTheStatusIsFresh() {
        CameraStatus skewed = new CameraStatus(CameraStatus.VERSION, "door", "ingest-0", CameraState.STREAMING, true, "s-1",
                "avc1.64001f", 1280, 720, 25.0, 2_000_000, null, null, null, 0, 10, NOW.minusSeconds(60), NOW.minusSeconds(5),
                RecordingState.BUFFERING, false, null, null, null, PRE_ROLL, -0.25);
        assertThat(StatusView.of(skewed, null, NOW, STALE).clockSkewSeconds()).isEqualTo(-0.25);
        assertThat(StatusView.of(skewed, null, NOW.plusSeconds(60), STALE).clockSkewSeconds())
                .as("a gone instance's session measures nothing now").isNull();
        assertThat(StatusView.of(status(true, NOW, null), null, NOW, STALE).clockSkewSeconds()).isNull();
    }

    @Test
    void credentialsInTheLastErrorAreMasked() {
        StatusView view = StatusView.of(status(false, NOW, "401 from rtsp://admin:secret@cam/stream"), null, NOW, STALE);
        assertThat(view.lastError()).isEqualTo("401 from rtsp://***@cam/stream");
    }

    private static CameraStatus status(boolean online, Instant updatedAt, String lastError) {
        return new CameraStatus(CameraStatus.VERSION, "door", "ingest-0", CameraState.STREAMING, online, "s-1",
                "avc1.64001f", 1280, 720, 25.0, 2_000_000, lastError, null, null, 0, 10, NOW.minusSeconds(60), updatedAt,
                RecordingState.BUFFERING, false, null, null, null, PRE_ROLL);
    }

    private static CameraStatus recording(Instant updatedAt, Instant eventStartedAt) {
        return new CameraStatus(CameraStatus.VERSION, "door", "ingest-0", CameraState.STREAMING, true, "s-1",
                "avc1.64001f", 1280, 720, 25.0, 2_000_000, null, null, null, 0, 10, NOW.minusSeconds(60), updatedAt,
                RecordingState.RECORDING, true, "ev-1", RecordingReason.MOTION, eventStartedAt, PRE_ROLL);
    }
}
