package io.vigil.ingest.time;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far a camera's media clock has run from the ingest host's clock since the session's anchor
 * (docs/time.md). Each sample is {@code skew = media time − monotonic time}, both since the anchor.
 * Network and buffering delay only ever make media arrive later, so they only push a sample down:
 * the upper envelope of the samples, a moving maximum over {@code window}, is the drift itself.
 *
 * <p>Fed once per piece from the camera's thread; a sample costs O(1) amortised (a monotone deque).
 */
public final class ClockDrift {

    private final long windowMicros;
    /** Samples that may still become the maximum: skews strictly decreasing from head to tail. */
    private final Deque<long[]> candidates = new ArrayDeque<>();
    private long firstMicros = -1;
    private long latestMicros;

    public ClockDrift(long windowMicros) {
        if (windowMicros <= 0) {
            throw new IllegalArgumentException("the drift window must be positive");
        }
        this.windowMicros = windowMicros;
    }

    /**
     * @param mediaMicros   media time since the anchor of what just arrived
     * @param elapsedMicros monotonic time since the anchor when it arrived
     */
    public void observe(long mediaMicros, long elapsedMicros) {
        if (firstMicros < 0) {
            firstMicros = elapsedMicros;
        }
        latestMicros = elapsedMicros;
        long skew = mediaMicros - elapsedMicros;
        while (!candidates.isEmpty() && candidates.peekLast()[1] <= skew) {
            candidates.pollLast();
        }
        candidates.addLast(new long[] {elapsedMicros, skew});
        while (candidates.peekFirst()[0] < elapsedMicros - windowMicros) {
            candidates.pollFirst();
        }
    }

    /** Whether any sample was taken. */
    public boolean measured() {
        return !candidates.isEmpty();
    }

    /**
     * Whether the samples span a whole window: before that a few delayed first pieces could pass for
     * drift, so nothing acts on the estimate yet.
     */
    public boolean settled() {
        return firstMicros >= 0 && latestMicros - firstMicros >= windowMicros;
    }

    /** The drift: positive when the camera's clock runs ahead of the host's; 0 before the first sample. */
    public long estimateMicros() {
        return candidates.isEmpty() ? 0 : candidates.peekFirst()[1];
    }
}
