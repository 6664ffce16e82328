package io.vigil.ingest.hls;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A media playlist as loaded: its segments in order, numbered by media sequence.
 *
 * @param endList EXT-X-ENDLIST: no segment will be added (VOD, or a live stream that ended)
 */
record MediaPlaylist(URI uri, double targetDurationSeconds, List<Segment> segments, boolean endList) {

    /** The first segment at or after {@code sequence}. */
    Optional<Segment> from(long sequence) {
        return segments.stream().filter(segment -> segment.sequence() >= sequence).findFirst();
    }

    long firstSequence() {
        return segments.isEmpty() ? 0 : segments.get(0).sequence();
    }

    double durationSeconds() {
        return segments.stream().mapToDouble(Segment::durationSeconds).sum();
    }

    /** Media time at which {@code segment} begins, counted from the playlist's first segment. */
    double offsetSeconds(Segment segment) {
        return segments.stream().filter(other -> other.sequence() < segment.sequence())
                .mapToDouble(Segment::durationSeconds).sum();
    }

    /** The DRM scheme of any key of the playlist, or null when none. */
    String drmScheme() {
        return segments.stream().map(segment -> segment.key().drmScheme()).filter(scheme -> scheme != null)
                .findFirst().orElse(null);
    }
}
