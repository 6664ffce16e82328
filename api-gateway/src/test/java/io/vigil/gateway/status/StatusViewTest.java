package io.vigil.gateway.status;

import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusViewTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration STALE = Duration.ofSeconds(30);

    @Test
    void noStatusIsUnknownAndOffline() {
        StatusView view = StatusView.of(null, NOW, STALE);
        assertThat(view.state()).isEqualTo("unknown");
        assertThat(view.online()).isFalse();
    }

    @Test
    void freshStreamingStatusIsOnline() {
        StatusView view = StatusView.of(status(true, NOW.minusSeconds(5), null), NOW, STALE);
        assertThat(view.state()).isEqualTo("streaming");
        assertThat(view.online()).isTrue();
        assertThat(view.instance()).isEqualTo("ingest-0");
        assertThat(view.width()).isEqualTo(1280);
        assertThat(view.updatedAt()).isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void staleStatusIsOfflineWhateverItSays() {
        StatusView view = StatusView.of(status(true, NOW.minusSeconds(31), null), NOW, STALE);
        assertThat(view.state()).isEqualTo("streaming");
        assertThat(view.online()).isFalse();
    }

    @Test
    void credentialsInTheLastErrorAreMasked() {
        StatusView view = StatusView.of(status(false, NOW, "401 from rtsp://admin:secret@cam/stream"), NOW, STALE);
        assertThat(view.lastError()).isEqualTo("401 from rtsp://***@cam/stream");
    }

    private static CameraStatus status(boolean online, Instant updatedAt, String lastError) {
        return new CameraStatus(CameraStatus.VERSION, "door", "ingest-0", CameraState.STREAMING, online, "s-1",
                "avc1.64001f", 1280, 720, 25.0, 2_000_000, lastError, null, null, 0, 10, NOW.minusSeconds(60), updatedAt);
    }
}
