package io.vigil.ingest.time;

import java.time.Duration;
import java.time.Instant;

/**
 * How a session measures and slews its camera's clock drift (docs/time.md).
 *
 * @param maxSlewPpm    the fastest a correction may change wall-clock durations, in parts per million
 * @param slewThreshold slewing starts once wall time is off by more than this
 * @param maxSkew       a drift off by more than this ends the session, so the next one re-anchors
 * @param window        the moving maximum of the skew samples spans this much time
 */
public record DriftSettings(int maxSlewPpm, Duration slewThreshold, Duration maxSkew, Duration window) {

    /** The defaults of vigil.ingest.clock.*. */
    public static final DriftSettings DEFAULT = new DriftSettings(500, Duration.ofMillis(100), Duration.ofSeconds(10),
            Duration.ofMinutes(1));

    /** The clock of a session whose anchor was read just now. */
    public SessionClock clock(Instant anchor, long anchorNanos) {
        return new SessionClock(anchor, anchorNanos, new ClockDrift(window.toNanos() / 1_000),
                new Slew(maxSlewPpm, slewThreshold.toNanos() / 1_000), maxSkew.toNanos() / 1_000);
    }
}
