package io.vigil.ingest.time;

/**
 * Works a drift off the way NTP's {@code adjtime} does: by lengthening or shortening the wall-clock
 * durations of pieces by at most {@code maxPpm} of their media duration, never by a step. It acts
 * only once the wall clock is off by more than {@code thresholdMicros} and stops when it caught up,
 * so a camera whose clock is fine (or whose estimate wobbles by milliseconds) is left alone.
 *
 * <p>The correction changes only across a piece, so within a session piece n+1 starts exactly where
 * piece n ends, and every wall-clock duration stays positive: time never jumps or runs backwards.
 */
public final class Slew {

    private final long maxPpm;
    private final long thresholdMicros;
    /** wall time − (anchor + media time), built up piece by piece. */
    private long correctionMicros;
    private boolean slewing;

    public Slew(long maxPpm, long thresholdMicros) {
        if (maxPpm < 1 || maxPpm > 100_000) {
            throw new IllegalArgumentException("the slew rate must be between 1 and 100000 ppm");
        }
        if (thresholdMicros < 0) {
            throw new IllegalArgumentException("the slew threshold must not be negative");
        }
        this.maxPpm = maxPpm;
        this.thresholdMicros = thresholdMicros;
    }

    /**
     * The wall-clock duration of a piece, moving the correction towards {@code targetMicros} by at
     * most {@code maxPpm} of {@code mediaMicros}.
     *
     * @param mediaMicros  the piece's media duration
     * @param targetMicros the correction that would put wall time right (minus the drift)
     */
    public long wallDuration(long mediaMicros, long targetMicros) {
        long residual = targetMicros - correctionMicros;
        if (!slewing && Math.abs(residual) > thresholdMicros) {
            slewing = true;
        }
        long step = 0;
        if (slewing) {
            long bound = mediaMicros * maxPpm / 1_000_000;
            step = Math.max(-bound, Math.min(bound, residual));
            if (step == residual) {
                slewing = false;
            }
        }
        correctionMicros += step;
        return mediaMicros + step;
    }

    /** What is added to anchor + media time now. */
    public long correctionMicros() {
        return correctionMicros;
    }

    public boolean slewing() {
        return slewing;
    }
}
