package io.vigil.bench;

import java.util.List;

/**
 * Pre-roll memory against what it holds: {@code bytes ÷ (bitrate × seconds)} per camera, from the
 * pre-roll statistics in the camera status, and the heap (live, after a full GC) and RSS of the
 * ingest JVM with the same cameras at pre-roll 0 and at {@code preRollSeconds}.
 *
 * @param bitrate the clip's H.264 payload bits per second
 * @param ratios  one per (camera, status) sample at the full pre-roll
 * @param held    seconds held per sample, as the status reports them
 */
record PreRollResult(int cameras, int preRollSeconds, double bitrate, List<Double> ratios, List<Double> held,
                     long drops, long heapZero, long heapFull, long rssZeroKb, long rssFullKb, String metrics, String note) {

    /** What the pre-roll should hold per camera: bitrate × seconds, in bytes. */
    double expectedBytes() {
        return bitrate / 8 * preRollSeconds;
    }

    double heapRatio() {
        return (heapFull - heapZero) / (cameras * expectedBytes());
    }

    double rssRatio() {
        return (rssFullKb - rssZeroKb) * 1024.0 / (cameras * expectedBytes());
    }
}
