package io.vigil.contracts;

/**
 * What a camera's pre-roll buffer holds, in its status.
 *
 * @param seconds   media time held, from the first buffered piece's start to the last one's end
 * @param peakBytes the most it held since the camera started on this instance
 * @param drops     pieces dropped early because the process-wide pre-roll budget or the per-camera
 *                  byte cap was reached
 */
public record PreRollStats(double seconds, long bytes, int pieces, long peakBytes, long drops) {

    public static final PreRollStats EMPTY = new PreRollStats(0, 0, 0, 0, 0);
}
