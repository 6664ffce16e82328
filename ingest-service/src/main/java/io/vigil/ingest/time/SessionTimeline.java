package io.vigil.ingest.time;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Puts a session's packets on one media timeline that starts at 0 with the first keyframe and only
 * moves forward, so the muxer always gets what it needs (strictly increasing dts per stream).
 *
 * <p>A camera's timestamps sometimes jump: RTP timestamps are rebased on the first RTCP report when a
 * stream has audio and video, some cameras reset them, a clock wraps. A jump shows as a packet whose
 * dts goes backwards, or forwards by more than the discontinuity threshold beyond the time that
 * passed between the two arrivals. Such a jump is replaced by one ordinary step (the stream's last
 * regular packet interval), so the timeline keeps matching elapsed time (docs/time.md).
 */
public final class SessionTimeline {

    private final long discontinuityMicros;
    private final Map<Integer, StreamTimeline> streams = new HashMap<>();
    private long originMicros;
    private boolean started;
    private long discontinuities;

    public SessionTimeline(long discontinuityMicros) {
        this.discontinuityMicros = discontinuityMicros;
    }

    /** Media time 0: the dts of the session's first keyframe. */
    public void start(long keyframeDts, TimeBase timeBase) {
        originMicros = timeBase.toMicros(keyframeDts);
        started = true;
    }

    public boolean started() {
        return started;
    }

    /**
     * What to add to a packet's dts and pts to put it on the session timeline, or empty when the packet
     * lies before the session's start and must be dropped.
     */
    public OptionalLong shift(int stream, long dts, TimeBase timeBase, long arrivalNanos) {
        if (!started) {
            throw new IllegalStateException("the timeline has not started");
        }
        return streams.computeIfAbsent(stream, index -> new StreamTimeline(timeBase, -timeBase.fromMicros(originMicros)))
                .shift(dts, arrivalNanos);
    }

    /** How many timestamp jumps were smoothed over so far. */
    public long discontinuities() {
        return discontinuities;
    }

    private final class StreamTimeline {
        private final TimeBase timeBase;
        private final long discontinuityTicks;
        private long offset;
        private boolean placedAny;
        private long lastDts;
        private long lastStep;
        private long lastArrivalNanos;

        StreamTimeline(TimeBase timeBase, long offset) {
            this.timeBase = timeBase;
            this.offset = offset;
            this.discontinuityTicks = timeBase.fromMicros(discontinuityMicros);
        }

        OptionalLong shift(long dts, long arrivalNanos) {
            long placed = dts + offset;
            if (!placedAny) {
                if (placed < 0) {
                    return OptionalLong.empty();
                }
                placedAny = true;
            } else {
                long step = placed - lastDts;
                long elapsed = timeBase.fromMicros((arrivalNanos - lastArrivalNanos) / 1_000);
                if (step <= 0 || step - elapsed > discontinuityTicks) {
                    long repaired = lastDts + Math.max(lastStep, 1);
                    offset += repaired - placed;
                    placed = repaired;
                    discontinuities++;
                } else {
                    lastStep = step;
                }
            }
            lastDts = placed;
            lastArrivalNanos = arrivalNanos;
            return OptionalLong.of(offset);
        }
    }
}
