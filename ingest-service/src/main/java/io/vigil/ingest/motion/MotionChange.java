package io.vigil.ingest.motion;

import io.vigil.contracts.Region;

import java.time.Instant;

/** What {@link MotionWatch#observe} reports: motion started or ended, each reported once. */
public sealed interface MotionChange permits MotionChange.Started, MotionChange.Ended {

    /** The time the change took place: the first analysed frame that showed it, not the frame that confirmed it. */
    Instant at();

    /**
     * Motion started.
     *
     * @param at    the first frame above the threshold
     * @param score the highest score (changed share of the unmasked picture, 0..1) until it was confirmed
     * @param box   where that frame changed, in relative picture coordinates
     */
    record Started(Instant at, double score, Region box) implements MotionChange {
    }

    /**
     * Motion ended.
     *
     * @param at        the first frame below the threshold
     * @param peakScore the highest score while it lasted
     * @param box       where the frame with that score changed
     */
    record Ended(Instant at, double peakScore, Region box) implements MotionChange {
    }
}
