package io.vigil.ingest.motion;

import java.time.Duration;
import java.util.Objects;

/**
 * How motion is confirmed and how small its picture is; the same for every camera (the per-camera
 * knobs are in {@link io.vigil.contracts.MotionSettings}).
 *
 * @param confirm       how long the score must stay above the threshold before motion starts; 0 = one frame
 * @param quiet         how long it must stay below before motion ends; 0 = one frame
 * @param analysisWidth width in cells (pixels) of the gray picture compared; the height follows the aspect ratio
 */
public record MotionTuning(Duration confirm, Duration quiet, int analysisWidth) {

    /** At a 1 s GOP: two keyframes in a row to start, three quiet seconds to end, 160x90 cells at 16:9. */
    public static final MotionTuning DEFAULT = new MotionTuning(Duration.ofSeconds(1), Duration.ofSeconds(3), 160);

    private static final int MIN_ANALYSIS_WIDTH = 16;
    private static final int MAX_ANALYSIS_WIDTH = 1920;

    public MotionTuning {
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(quiet, "quiet");
        if (confirm.isNegative() || quiet.isNegative()) {
            throw new IllegalArgumentException("motion confirm and quiet must not be negative: " + confirm + ", " + quiet);
        }
        if (analysisWidth < MIN_ANALYSIS_WIDTH || analysisWidth > MAX_ANALYSIS_WIDTH) {
            throw new IllegalArgumentException("motion analysis width must be " + MIN_ANALYSIS_WIDTH + " to "
                    + MAX_ANALYSIS_WIDTH + ": " + analysisWidth);
        }
    }
}
