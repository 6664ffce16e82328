package io.vigil.ingest.hls;

import io.vigil.ingest.session.StreamFailure;
import io.vigil.ingest.status.FailureKind;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An HLS source's segments, in media-sequence order, as one byte stream for FFmpeg to demux (MPEG-TS
 * segments concatenate into one transport stream; fMP4 ones follow their init segment). A live playlist
 * is followed by reloading it; a segment is read once, so it is never recorded twice, and the next
 * sequence number outlives the stream ({@link #nextSequence()}), so the next session of a camera carries on
 * after it. The stream ends (EOF) when the playlist ended, a segment was given up after its retries
 * (the session ends there: the hole is a gap between sessions), the source failed, or it was stopped;
 * {@link #end()} says which. Reads run on the caller's (the session's) thread.
 */
public final class SegmentStream extends InputStream {

    private static final Logger LOG = Logger.getLogger(SegmentStream.class);

    public enum End { NONE, COMPLETE, SKIPPED, FAILED, STOPPED }

    private final HlsSource source;
    private final HlsRetry retry;
    private final BooleanSupplier stopping;
    private final Duration stallTimeout;
    private long nextSequence;
    private URI currentMap;
    private byte[] buffer = new byte[0];
    private int position;
    private End end = End.NONE;
    private StreamFailure failure;
    private long bytes;
    private int segments;
    private double mediaSeconds;
    private Segment first;
    private Segment skipped;

    /**
     * @param startSequence the first segment to read (a later one when it left the playlist)
     * @param stallTimeout  a live playlist that adds no segment for this long fails the session (timeout)
     */
    public SegmentStream(HlsSource source, long startSequence, HlsRetry retry, BooleanSupplier stopping,
                         Duration stallTimeout) {
        this.source = source;
        this.nextSequence = startSequence;
        this.retry = retry;
        this.stopping = stopping;
        this.stallTimeout = stallTimeout;
    }

    /** Where a live camera starts: its playlist's newest segment (recording begins at the live edge). */
    public static long liveEdge(HlsSource source) {
        MediaPlaylist playlist = source.playlist();
        return playlist.segments().isEmpty() ? playlist.firstSequence()
                : playlist.segments().get(playlist.segments().size() - 1).sequence();
    }

    /** Where a VOD import starts: the first segment. */
    public static long beginning(HlsSource source) {
        return source.playlist().firstSequence();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position >= buffer.length) {
            if (end != End.NONE || !nextSegment()) {
                return -1;
            }
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, into, offset, count);
        position += count;
        return count;
    }

    /** Why the stream ended; NONE while it runs. */
    public End end() {
        return end;
    }

    /** The failure that ended the stream ({@link End#FAILED}), or the skipped segment's last failure ({@link End#SKIPPED}). */
    public StreamFailure failure() {
        return failure;
    }

    /** The first segment not read yet: where the next session goes on. */
    public long nextSequence() {
        return nextSequence;
    }

    public long bytes() {
        return bytes;
    }

    public int segments() {
        return segments;
    }

    /** Media time of the segments read. */
    public double mediaSeconds() {
        return mediaSeconds;
    }

    /** The first segment read, once there is one. */
    public Optional<Instant> firstProgramDateTime() {
        return Optional.ofNullable(first).map(Segment::programDateTime);
    }

    /** Media time at which the first segment read begins, within the playlist (VOD: from its start). */
    public double startOffsetSeconds() {
        return first == null ? 0 : source.playlist().offsetSeconds(first);
    }

    public Optional<Long> skippedSequence() {
        return Optional.ofNullable(skipped).map(Segment::sequence);
    }

    private boolean nextSegment() {
        try {
            Optional<Segment> segment = awaitSegment();
            if (segment.isEmpty()) {
                return false;
            }
            Segment next = segment.get();
            byte[] media = fetch(next);
            if (media == null) {
                return false;
            }
            if (next.map() != null && !next.map().equals(currentMap)) {
                media = concat(source.map(next.map()), media);
                currentMap = next.map();
            }
            if (first == null) {
                first = next;
            }
            nextSequence = next.sequence() + 1;
            segments++;
            bytes += media.length;
            mediaSeconds += next.durationSeconds();
            buffer = media;
            position = 0;
            return true;
        } catch (StreamFailure e) {
            failure = e;
            end = End.FAILED;
            return false;
        }
    }

    /** The next segment to read: waits for a live playlist to add it; empty when the stream ends. */
    private Optional<Segment> awaitSegment() throws StreamFailure {
        long stalledSince = System.nanoTime();
        while (true) {
            if (stopping.getAsBoolean()) {
                end = End.STOPPED;
                return Optional.empty();
            }
            MediaPlaylist playlist = source.playlist();
            Optional<Segment> segment = playlist.from(nextSequence);
            if (segment.isPresent()) {
                if (segment.get().sequence() > nextSequence && segments > 0) {
                    LOG.infof("HLS: segments %d to %d left the playlist before they were read", nextSequence,
                            segment.get().sequence() - 1);
                }
                return segment;
            }
            if (playlist.endList()) {
                end = End.COMPLETE;
                return Optional.empty();
            }
            if (System.nanoTime() - stalledSince > stallTimeout.toNanos()) {
                throw new StreamFailure(FailureKind.TIMEOUT, "the live playlist added no segment for "
                        + stallTimeout.toSeconds() + " s");
            }
            // RFC 8216 6.3.4: reload no sooner than half the target duration when nothing was added
            sleep(Duration.ofMillis((long) Math.max(200, Math.min(5_000, playlist.targetDurationSeconds() * 500))));
            source.reload();
        }
    }

    /** The segment's bytes after at most {@link HlsRetry#segmentRetries()} retries; null when given up or stopped. */
    private byte[] fetch(Segment segment) throws StreamFailure {
        StreamFailure last = null;
        for (int attempt = 0; attempt <= retry.segmentRetries(); attempt++) {
            if (attempt > 0 && !sleep(retry.backoff(attempt))) {
                end = End.STOPPED;
                return null;
            }
            try {
                return source.segment(segment);
            } catch (StreamFailure e) {
                if (e.kind() == FailureKind.DRM_PROTECTED) {
                    throw e;
                }
                last = e;
                LOG.debugf("HLS segment %d failed (attempt %d): %s", segment.sequence(), attempt + 1, e.getMessage());
            }
        }
        LOG.warnf("HLS segment %d skipped after %d retries: %s", segment.sequence(), retry.segmentRetries(), last.getMessage());
        skipped = segment;
        nextSequence = segment.sequence() + 1;
        failure = new StreamFailure(last.kind(), "segment " + segment.sequence() + " skipped after "
                + retry.segmentRetries() + " retries (" + last.getMessage() + ")");
        end = End.SKIPPED;
        return null;
    }

    /** @return false when stopped while waiting */
    private boolean sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
