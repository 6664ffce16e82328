package io.vigil.ingest.status;

/**
 * Frame rate and bit rate of a stream, measured from the packets themselves over windows of a fixed
 * length: the rates of the last complete window, or of the current one until a window has completed.
 * Times are {@link System#nanoTime()} values, passed in so the arithmetic can be tested.
 */
final class StreamMeter {

    record Rates(double fps, long bitrate) {
    }

    private final long windowNanos;
    private long windowStart;
    private long frames;
    private long bytes;
    private Rates completed;
    private long lastPacketNanos;

    StreamMeter(long windowNanos, long nowNanos) {
        this.windowNanos = windowNanos;
        restart(nowNanos);
    }

    /** Forgets everything: a new session starts measuring from zero. */
    synchronized void restart(long nowNanos) {
        windowStart = nowNanos;
        lastPacketNanos = nowNanos;
        frames = 0;
        bytes = 0;
        completed = null;
    }

    synchronized void packet(int size, boolean video, long nowNanos) {
        roll(nowNanos);
        bytes += size;
        if (video) {
            frames++;
            lastPacketNanos = nowNanos;
        }
    }

    synchronized Rates rates(long nowNanos) {
        roll(nowNanos);
        if (completed != null) {
            return completed;
        }
        return over(nowNanos - windowStart);
    }

    /** How long since the last video packet (or since the restart, before any). */
    synchronized long silentNanos(long nowNanos) {
        return nowNanos - lastPacketNanos;
    }

    private void roll(long nowNanos) {
        long elapsed = nowNanos - windowStart;
        if (elapsed >= windowNanos) {
            completed = over(elapsed);
            windowStart = nowNanos;
            frames = 0;
            bytes = 0;
        }
    }

    private Rates over(long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return new Rates(0, 0);
        }
        double seconds = elapsedNanos / 1e9;
        return new Rates(Math.round(frames / seconds * 100) / 100.0, Math.round(bytes * 8 / seconds));
    }
}
