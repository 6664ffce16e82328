package io.vigil.ingest.time;

import java.time.Instant;

/**
 * Wall-clock time of a session's media: the anchor, read once when the session's first keyframe
 * arrived, plus media time from the stream's own timestamps (docs/time.md). Reading the clock once
 * per session, never per piece, is what makes piece n+1 start exactly where piece n ends.
 */
public record SessionClock(Instant anchor) {

    public Instant at(long mediaMicros) {
        return anchor.plusNanos(mediaMicros * 1_000L);
    }
}
