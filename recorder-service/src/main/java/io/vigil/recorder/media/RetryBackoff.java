package io.vigil.recorder.media;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Doubling waits between attempts, from an initial to a maximum wait. */
final class RetryBackoff {

    private static final long SLICE_MILLIS = 100;

    private final Duration max;
    private Duration next;

    RetryBackoff(Duration initial, Duration max) {
        this.next = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
    }

    /** The wait before the next attempt; each call doubles it up to the maximum. */
    Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait;
    }

    /** Sleeps for {@code wait}, but returns false as soon as {@code giveUp} says so (shutdown). */
    boolean pause(Duration wait, BooleanSupplier giveUp) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!giveUp.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000)));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
