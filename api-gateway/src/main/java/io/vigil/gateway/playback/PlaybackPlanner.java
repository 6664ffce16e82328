package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.gateway.recording.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which fragments of which files cover a span [from, to): from the fragment holding {@code from}
 * (its keyframe is at or before it) to the fragment holding the last instant before {@code to},
 * across file boundaries, and where the media stops continuing (a discontinuity for HLS, a new
 * timeline for a clip).
 */
public final class PlaybackPlanner {

    /**
     * Within a session a fragment starts exactly where the one before ended (docs/time.md); less
     * than this between two fragments is rounding, more is a gap the viewer should know about.
     */
    static final Duration GAP_TOLERANCE = Duration.ofMillis(100);

    private PlaybackPlanner() {
    }

    /**
     * @param files the camera's footage overlapping the span, by start
     * @return empty when no fragment overlaps the span
     */
    public static Optional<PlaybackPlan> plan(List<Footage> files, TimeRange span) {
        List<PlannedFragment> chosen = new ArrayList<>();
        PlannedFragment previous = null;
        for (Footage file : files) {
            for (Fragment fragment : file.index().fragments()) {
                Instant start = file.startOf(fragment);
                Instant end = file.endOf(fragment);
                if (!start.isBefore(span.to())) {
                    break; // a file's fragments are in time order
                }
                if (!end.isAfter(span.from()) || fragment.durationMicros() == 0) {
                    continue;
                }
                if (previous != null && start.isBefore(previous.end().minus(GAP_TOLERANCE))) {
                    continue; // footage recorded twice (two sessions at once): the earlier file wins
                }
                boolean newFile = previous == null || previous.file() != file;
                boolean discontinuity = previous != null
                        && (start.isAfter(previous.end().plus(GAP_TOLERANCE))
                        || newFile && !(file.sameSessionAs(previous.file()) && file.sameFormatAs(previous.file())));
                previous = new PlannedFragment(file, fragment, start, end, newFile, discontinuity);
                chosen.add(previous);
            }
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(new PlaybackPlan(chosen));
    }
}
