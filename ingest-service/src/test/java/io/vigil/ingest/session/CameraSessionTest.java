package io.vigil.ingest.session;

import io.vigil.contracts.SessionCause;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.status.FailureKind;
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

    @Test
    void theSessionAfterAStreamThatFailedIsAReconnectAfterThatFailure() {
        SessionOrigin first = new SessionOrigin(SessionCause.START, null, "ingest-1", 6L);

        SessionOrigin afterTimeout = CameraSession.next(first, new StreamFailure(FailureKind.TIMEOUT, "timed out"), true);
        SessionOrigin afterRefused = CameraSession.next(afterTimeout, new StreamFailure(FailureKind.REFUSED, "refused"), false);

        assertThat(afterTimeout).isEqualTo(new SessionOrigin(SessionCause.RECONNECT, "timeout", "ingest-1", 6L));
        // the latest failure names the reconnect: the camera was unreachable when the stream came back
        assertThat(afterRefused).isEqualTo(new SessionOrigin(SessionCause.RECONNECT, "refused", "ingest-1", 6L));
    }

    @Test
    void aFirstSessionThatNeverStreamedKeepsItsCause() {
        SessionOrigin config = new SessionOrigin(SessionCause.CONFIG, null, "ingest-1");

        SessionOrigin next = CameraSession.next(config, new StreamFailure(FailureKind.UNAUTHORIZED, "401"), false);

        assertThat(next.cause()).isEqualTo(SessionCause.CONFIG);
        assertThat(next.previousFailure()).isEqualTo("unauthorized");
    }
}
