package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;

import java.time.Instant;

/**
 * One fragment chosen for playback, in play order.
 *
 * @param newFile       whether it comes from another file than the fragment before (or is the first)
 * @param discontinuity whether its media does not simply continue the fragment before: a gap in
 *                      wall-clock time, another session's timeline, or another format
 */
public record PlannedFragment(Footage file, Fragment fragment, Instant start, Instant end,
                              boolean newFile, boolean discontinuity) {

    public long durationMicros() {
        return fragment.durationMicros();
    }
}
