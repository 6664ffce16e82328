package io.vigil.ingest.time;

import java.time.Instant;

/**
 * Wall-clock time of a session's media: the anchor, read once when the session's first keyframe
 * arrived, plus media time from the stream's own timestamps, plus a slowly slewed correction for the
 * camera clock's drift (docs/time.md). Reading the wall clock once per session, never per piece, and
 * changing the correction only across pieces is what makes piece n+1 start exactly where piece n ends.
 *
 * <p>Used from the camera's thread only.
 */
public final class SessionClock {

    /** A piece's place in wall-clock time. */
    public record Span(Instant start, long durationMicros) {
    }

    private final Instant anchor;
    private final long anchorNanos;
    private final ClockDrift drift;
    private final Slew slew;
    private final long maxSkewMicros;
    private long lastMediaEndMicros;

    /**
     * @param anchorNanos   System.nanoTime() when the anchor was read
     * @param maxSkewMicros a drift the slew has not worked off by more than this is {@link #beyondSlew() beyond it}
     */
    public SessionClock(Instant anchor, long anchorNanos, ClockDrift drift, Slew slew, long maxSkewMicros) {
        this.anchor = anchor;
        this.anchorNanos = anchorNanos;
        this.drift = drift;
        this.slew = slew;
        this.maxSkewMicros = maxSkewMicros;
    }

    /** A clock that never measures drift, so never slews: anchor plus media time. */
    public SessionClock(Instant anchor) {
        this(anchor, 0, new ClockDrift(1), new Slew(1, Long.MAX_VALUE), Long.MAX_VALUE);
    }

    /** Wall-clock time of a media time (e.g. a packet's), with the correction reached so far. */
    public Instant at(long mediaMicros) {
        return anchor.plusNanos((mediaMicros + slew.correctionMicros()) * 1_000L);
    }

    /** Wall-clock start and duration of the next piece, from its media start and end; the slew advances by the piece. */
    public Span piece(long mediaStartMicros, long mediaEndMicros) {
        Instant start = at(mediaStartMicros);
        // until the samples span a window the target is where the correction already is: no slewing on a hunch
        long target = drift.settled() ? -drift.estimateMicros() : slew.correctionMicros();
        long duration = slew.wallDuration(mediaEndMicros - mediaStartMicros, target);
        lastMediaEndMicros = Math.max(lastMediaEndMicros, mediaEndMicros);
        return new Span(start, duration);
    }

    /**
     * Takes a drift sample: the media delivered so far (up to the end of the latest piece) against
     * the monotonic time it took to arrive. Called once per delivered piece, never per packet.
     */
    public void measure(long arrivalNanos) {
        drift.observe(lastMediaEndMicros, (arrivalNanos - anchorNanos) / 1_000);
    }

    /** The measured drift in seconds (positive: the camera's clock runs ahead); null before the first sample. */
    public Double skewSeconds() {
        return drift.measured() ? drift.estimateMicros() / 1e6 : null;
    }

    /** How far wall time is still off after the correction so far. */
    public long residualMicros() {
        return -drift.estimateMicros() - slew.correctionMicros();
    }

    /** The drift is more than slewing can absorb in reasonable time: the session should end and re-anchor. */
    public boolean beyondSlew() {
        return drift.settled() && Math.abs(residualMicros()) > maxSkewMicros;
    }

    public long correctionMicros() {
        return slew.correctionMicros();
    }
}
