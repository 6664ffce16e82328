package io.vigil.ingest.motion;

import io.vigil.contracts.Region;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hysteresis over the frame scores, so that one odd keyframe neither starts nor ends motion.
 * Motion starts once frames have stayed above the threshold for {@code confirm} (the first frame
 * above to the latest), and is reported at that first frame; it ends once they have stayed below for
 * {@code quiet}, reported at the first frame below. A frame on the other side resets the wait.
 */
final class MotionGate {

    private final Duration confirm;
    private final Duration quiet;

    private boolean moving;
    /** Not moving: the first frame of the current run above the threshold; moving: of the run below. */
    private Instant runStart;
    private double peakScore;
    private Region peakBox;

    MotionGate(Duration confirm, Duration quiet) {
        this.confirm = confirm;
        this.quiet = quiet;
    }

    boolean moving() {
        return moving;
    }

    /**
     * One analysed frame.
     *
     * @param above whether its score reached the threshold
     * @param score its score, 0..1
     * @param box   where it changed; null when nothing did
     */
    Optional<MotionChange> frame(Instant at, boolean above, double score, Region box) {
        return moving ? whileMoving(at, above, score, box) : whileStill(at, above, score, box);
    }

    /** Ends motion now, at {@code at}, when there is any: detection was switched off. */
    Optional<MotionChange> stop(Instant at) {
        if (!moving) {
            runStart = null;
            return Optional.empty();
        }
        MotionChange ended = new MotionChange.Ended(at, peakScore, peakBox);
        reset();
        return Optional.of(ended);
    }

    private Optional<MotionChange> whileStill(Instant at, boolean above, double score, Region box) {
        if (!above) {
            reset();
            return Optional.empty();
        }
        if (runStart == null) {
            runStart = at;
        }
        keepPeak(score, box);
        if (Duration.between(runStart, at).compareTo(confirm) < 0) {
            return Optional.empty();
        }
        moving = true;
        MotionChange started = new MotionChange.Started(runStart, peakScore, peakBox);
        runStart = null;
        return Optional.of(started);
    }

    private Optional<MotionChange> whileMoving(Instant at, boolean above, double score, Region box) {
        if (above) {
            runStart = null;
            keepPeak(score, box);
            return Optional.empty();
        }
        if (runStart == null) {
            runStart = at;
        }
        if (Duration.between(runStart, at).compareTo(quiet) < 0) {
            return Optional.empty();
        }
        MotionChange ended = new MotionChange.Ended(runStart, peakScore, peakBox);
        reset();
        return Optional.of(ended);
    }

    private void keepPeak(double score, Region box) {
        if (peakBox == null || score > peakScore) {
            peakScore = score;
            peakBox = box;
        }
    }

    private void reset() {
        moving = false;
        runStart = null;
        peakScore = 0;
        peakBox = null;
    }
}
