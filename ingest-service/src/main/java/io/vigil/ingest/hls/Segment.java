package io.vigil.ingest.hls;

import java.net.URI;
import java.time.Instant;

/**
 * One media segment of a playlist.
 *
 * @param sequence        its media sequence number
 * @param map             the EXT-X-MAP (fMP4 init segment) in force; null for MPEG-TS
 * @param programDateTime EXT-X-PROGRAM-DATE-TIME of the segment, when the playlist gives it
 */
record Segment(long sequence, URI uri, double durationSeconds, SegmentKey key, URI map, Instant programDateTime) {
}
