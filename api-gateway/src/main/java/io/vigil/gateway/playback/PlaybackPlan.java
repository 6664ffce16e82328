package io.vigil.gateway.playback;

import java.time.Instant;
import java.util.List;

/** The fragments that cover a span, in play order; never empty. */
public record PlaybackPlan(List<PlannedFragment> fragments) {

    public PlaybackPlan {
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one fragment");
        }
        fragments = List.copyOf(fragments);
    }

    /** Wall-clock time of the first fragment's start: at or before the span's start. */
    public Instant start() {
        return fragments.get(0).start();
    }

    /** Wall-clock time of the last fragment's end: at or after the span's end, unless footage ends first. */
    public Instant end() {
        return fragments.get(fragments.size() - 1).end();
    }
}
