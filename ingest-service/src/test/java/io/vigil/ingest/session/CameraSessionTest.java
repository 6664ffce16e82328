package io.vigil.ingest.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CameraSessionTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Duration HEALTHY_AFTER = Duration.ofSeconds(30);

    @Test
    void aSessionThatNeverStreamedNeverResetsTheBackoff() {
        // e.g. an open that failed only after a 60 s silence timeout
        assertThat(CameraSession.ranHealthy(OptionalLong.empty(), 60 * SECOND, HEALTHY_AFTER)).isFalse();
    }

    @Test
    void theStreamingTimeCountsNotTheConnectTime() {
        long streamingSince = 50 * SECOND; // connected at 0, streaming only after a slow open

        assertThat(CameraSession.ranHealthy(OptionalLong.of(streamingSince), 60 * SECOND, HEALTHY_AFTER)).isFalse();
        assertThat(CameraSession.ranHealthy(OptionalLong.of(streamingSince), 80 * SECOND, HEALTHY_AFTER)).isTrue();
    }
}
