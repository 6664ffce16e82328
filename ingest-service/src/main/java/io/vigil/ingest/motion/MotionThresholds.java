package io.vigil.ingest.motion;

import io.vigil.contracts.MotionSettings;

/**
 * A camera's {@link MotionSettings} as the numbers the comparison uses. Values out of range (the API
 * refuses them, but a config record may come from elsewhere) are clamped, never refused: a camera
 * keeps detecting.
 *
 * @param lumaChange a cell counts as changed when its luma differs from the background by more than this (0..255)
 * @param minShare   the share of unmasked cells (0..1) that must change for a frame to count as motion
 */
record MotionThresholds(int lumaChange, double minShare) {

    static final int LOWEST_SENSITIVITY = 1;
    static final int HIGHEST_SENSITIVITY = 100;
    /** Luma change at sensitivity 1: only a strong contrast, like a dark figure on a bright wall. */
    static final double COARSEST = 100;
    /** Luma change at sensitivity 100: a little above the noise of a good camera's keyframes. */
    static final double FAINTEST = 4;

    static MotionThresholds of(MotionSettings settings) {
        return new MotionThresholds(lumaChange(settings.sensitivity()), minShare(settings.minAreaPercent()));
    }

    /**
     * Geometric from {@value #COARSEST} at 1 to {@value #FAINTEST} at 100, so each step changes the
     * threshold by the same ratio; the default 50 gives 20, which separated still from moving scenes.
     */
    static int lumaChange(int sensitivity) {
        int clamped = Math.max(LOWEST_SENSITIVITY, Math.min(HIGHEST_SENSITIVITY, sensitivity));
        double position = (double) (clamped - LOWEST_SENSITIVITY) / (HIGHEST_SENSITIVITY - LOWEST_SENSITIVITY);
        return (int) Math.round(COARSEST * Math.pow(FAINTEST / COARSEST, position));
    }

    static double minShare(double minAreaPercent) {
        if (Double.isNaN(minAreaPercent)) {
            return MotionSettings.DEFAULT_MIN_AREA_PERCENT / 100;
        }
        return Math.max(MotionSettings.MIN_AREA_PERCENT_LOWEST, Math.min(100, minAreaPercent)) / 100;
    }
}
