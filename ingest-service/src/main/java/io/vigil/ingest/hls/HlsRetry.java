package io.vigil.ingest.hls;

import java.time.Duration;

/**
 * How an HLS source rides over a flaky server.
 *
 * @param segmentRetries   a segment is retried this often (backoff doubling from {@code backoffInitial} to
 *                         {@code backoffMax}) before it is skipped, which ends the session: a gap
 * @param playlistFailures this many failed playlist loads in a row reload the master playlist
 * @param timeout          of every request
 */
public record HlsRetry(int segmentRetries, Duration backoffInitial, Duration backoffMax, int playlistFailures,
                       Duration timeout) {

    public static final HlsRetry DEFAULT = new HlsRetry(10, Duration.ofMillis(500), Duration.ofSeconds(10), 5,
            Duration.ofSeconds(10));

    /** The wait before retry {@code n} (1-based). */
    Duration backoff(int n) {
        long millis = backoffInitial.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
    }
}
