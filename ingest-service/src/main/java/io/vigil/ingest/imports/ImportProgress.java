package io.vigil.ingest.imports;

/**
 * How far an import got: media time and bytes copied against the media's duration and the time it
 * took, as percent, speed and time left. Pure arithmetic, so it can be checked without a source.
 * Written by the copy, read by it and by the renewal timer.
 */
final class ImportProgress {

    record Snapshot(Double percent, long bytes, double bytesPerSecond, Double etaSeconds, double mediaSeconds,
                    Double durationSeconds) {
    }

    private final long startNanos;
    private Double durationSeconds;
    private double mediaSeconds;
    private long bytes;

    ImportProgress(long startNanos) {
        this.startNanos = startNanos;
    }

    synchronized void duration(Double seconds) {
        if (seconds != null && seconds > 0) {
            durationSeconds = seconds;
        }
    }

    /** The media copied now reaches {@code seconds} into the source (only grows). */
    synchronized void reached(double seconds) {
        mediaSeconds = Math.max(mediaSeconds, seconds);
    }

    synchronized void copied(long more) {
        bytes += more;
    }

    synchronized double mediaSeconds() {
        return mediaSeconds;
    }

    /** Whether the copy reached the end of the media (within a second: the last frame's duration, rounding). */
    synchronized boolean atEnd() {
        return durationSeconds == null || mediaSeconds >= durationSeconds - 1.0;
    }

    synchronized Snapshot at(long nowNanos, boolean finished) {
        double elapsed = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
        Double percent = durationSeconds == null ? null
                : finished && atEnd() ? 100.0 : Math.min(100.0, 100.0 * mediaSeconds / durationSeconds);
        Double eta = null;
        if (finished) {
            eta = 0.0;
        } else if (durationSeconds != null && mediaSeconds > 0) {
            eta = Math.max(0, durationSeconds - mediaSeconds) / (mediaSeconds / elapsed);
        }
        return new Snapshot(percent, bytes, bytes / elapsed, eta, mediaSeconds, durationSeconds);
    }
}
