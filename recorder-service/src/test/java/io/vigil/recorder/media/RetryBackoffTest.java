package io.vigil.recorder.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void doublesUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(Stream.generate(backoff::next).limit(5)).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 5L, 5L);
    }

    @Test
    void aMaximumBelowTheInitialWaitIsTheInitialWait() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(3), Duration.ofSeconds(1));

        assertThat(Stream.generate(backoff::next).limit(2)).extracting(Duration::toSeconds).containsExactly(3L, 3L);
    }

    @Test
    void aPauseEndsEarlyWhenTheRecorderStops() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
        long start = System.nanoTime();

        boolean carryOn = backoff.pause(Duration.ofSeconds(30), () -> System.nanoTime() - start > 200_000_000L);

        assertThat(carryOn).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(backoff.pause(Duration.ofMillis(50), () -> false)).isTrue();
    }
}
