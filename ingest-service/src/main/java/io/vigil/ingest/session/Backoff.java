package io.vigil.ingest.session;

import java.time.Duration;

/** Reconnect delays: the initial delay, doubling after each failure up to the cap, back to the start after a healthy stream. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; each call doubles the one after. */
    Duration next() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }

    void reset() {
        next = initial;
    }
}
