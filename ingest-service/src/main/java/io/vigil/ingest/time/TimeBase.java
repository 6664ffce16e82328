package io.vigil.ingest.time;

/** A stream's time base: one tick lasts {@code num/den} seconds (RTSP video: 1/90000). */
public record TimeBase(int num, int den) {

    public TimeBase {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("invalid time base " + num + "/" + den);
        }
    }

    public long toMicros(long ticks) {
        return Math.multiplyExact(ticks, 1_000_000L * num) / den;
    }

    public long fromMicros(long micros) {
        return Math.multiplyExact(micros, (long) den) / (1_000_000L * num);
    }
}
