package io.vigil.ingest.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.PreRollStats;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CameraStatusTrackerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private final List<CameraStatus> published = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final CameraStatusTracker tracker = new CameraStatusTracker("cam-1", "ingest-a", published::add, registry,
            Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void publishesEveryChangeWithItsDetails() {
        tracker.connecting("s1");
        tracker.streaming("avc1.64001f", 1280, 720);
        tracker.offline(FailureKind.REFUSED, "connection refused", NOW.plusSeconds(2));
        tracker.connecting("s2");

        assertThat(published).extracting(CameraStatus::state)
                .containsExactly(CameraState.CONNECTING, CameraState.STREAMING, CameraState.OFFLINE, CameraState.CONNECTING);
        CameraStatus streaming = published.get(1);
        assertThat(streaming.online()).isTrue();
        assertThat(streaming.codec()).isEqualTo("avc1.64001f");
        assertThat(streaming.width()).isEqualTo(1280);
        assertThat(streaming.instance()).isEqualTo("ingest-a");
        assertThat(streaming.sessionId()).isEqualTo("s1");
        CameraStatus offline = published.get(2);
        assertThat(offline.online()).isFalse();
        assertThat(offline.errorCode()).isEqualTo("refused");
        assertThat(offline.retryAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(published.get(3).reconnects()).isEqualTo(1);
        assertThat(registry.get("vigil.ingest.reconnects").counter().count()).isEqualTo(1);
    }

    @Test
    void heartbeatsCarryMeasuredRatesWhileStreaming() {
        tracker.connecting("s1");
        tracker.heartbeat(Duration.ofSeconds(10));
        assertThat(published).extracting(CameraStatus::state).containsExactly(CameraState.CONNECTING, CameraState.CONNECTING);
        assertThat(published.get(1).fps()).isZero();

        tracker.streaming("avc1.64001f", 1280, 720);
        for (int frame = 0; frame < 125; frame++) {
            nanos.set(frame * SECOND / 25);
            tracker.packet(10_000, true);
        }
        nanos.set(5 * SECOND);
        tracker.heartbeat(Duration.ofSeconds(10));

        CameraStatus heartbeat = published.get(published.size() - 1);
        assertThat(heartbeat.state()).isEqualTo(CameraState.STREAMING);
        assertThat(heartbeat.fps()).isEqualTo(25.0);
        assertThat(heartbeat.bitrate()).isEqualTo(2_000_000);
        assertThat(registry.get("vigil.ingest.stream.up").gauge().value()).isEqualTo(1);
    }

    @Test
    void aStreamSilentPastTheTimeoutIsReportedOfflineUntilVideoReturns() {
        tracker.connecting("s1");
        tracker.streaming("avc1.64001f", 1280, 720);
        tracker.packet(10_000, true);

        nanos.set(11 * SECOND);
        tracker.heartbeat(Duration.ofSeconds(10));
        CameraStatus silent = published.get(published.size() - 1);
        assertThat(silent.state()).isEqualTo(CameraState.OFFLINE);
        assertThat(silent.errorCode()).isEqualTo("silent");
        assertThat(registry.get("vigil.ingest.stream.up").gauge().value()).isZero();

        tracker.packet(10_000, true);
        CameraStatus back = published.get(published.size() - 1);
        assertThat(back.state()).isEqualTo(CameraState.STREAMING);
        assertThat(back.errorCode()).isNull();
    }

    @Test
    void carriesTheRecordingStateAndPublishesItsChanges() {
        RecordingStatus recording = new RecordingStatus(RecordingState.RECORDING, true, "event-1", RecordingReason.MOTION,
                NOW.minusSeconds(3), new PreRollStats(5.0, 1_000_000, 5, 1_200_000, 2));
        tracker.connecting("s1");
        assertThat(published.get(0).recordingState()).isEqualTo(RecordingState.IDLE);
        assertThat(published.get(0).preRoll()).isEqualTo(PreRollStats.EMPTY);

        tracker.recordingFrom(() -> recording);
        tracker.recordingChanged();
        CameraStatus status = published.get(1);
        assertThat(status.recordingState()).isEqualTo(RecordingState.RECORDING);
        assertThat(status.recording()).isTrue();
        assertThat(status.eventId()).isEqualTo("event-1");
        assertThat(status.eventReason()).isEqualTo(RecordingReason.MOTION);
        assertThat(status.eventStartedAt()).isEqualTo(NOW.minusSeconds(3));
        assertThat(status.preRoll().drops()).isEqualTo(2);
        tracker.heartbeat(Duration.ofSeconds(10));
        assertThat(published.get(2).eventId()).isEqualTo("event-1");
    }

    @Test
    void countsPublishedPiecesAndRemovesItsMetersWhenClosed() {
        tracker.piecePublished(1_000);
        tracker.piecePublished(500);
        tracker.pieceFailed();
        tracker.stopped();

        assertThat(published.get(0).state()).isEqualTo(CameraState.STOPPED);
        assertThat(published.get(0).piecesPublished()).isEqualTo(2);
        assertThat(registry.get("vigil.ingest.published.bytes").counter().count()).isEqualTo(1_500);
        assertThat(registry.get("vigil.ingest.failed.pieces").counter().count()).isEqualTo(1);

        tracker.close();
        tracker.connecting("s3");
        assertThat(published).hasSize(1);
        assertThat(registry.find("vigil.ingest.stream.up").gauge()).isNull();
    }
}
