package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.fmp4.Mp4FormatException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalogued recording file as playback sees it: when it starts, which session and format its
 * media has, and where each fragment lies (its fragment index).
 *
 * @param sessionId the ingest session; files of one session continue one media timeline. Null when unknown.
 */
public record Footage(long recordingId, String path, Instant start, String sessionId, String codec,
                      Integer width, Integer height, FragmentIndex index) {

    private static final Logger LOG = Logger.getLogger(Footage.class);

    /** The row as footage; empty when it has no usable fragment index (not servable by byte range). */
    static Optional<Footage> of(IndexedRecording row) {
        if (row.fragmentIndex() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Footage(row.id(), row.path(), row.start(), row.sessionId(), row.codec(),
                    row.width(), row.height(), FragmentIndex.decode(row.fragmentIndex())));
        } catch (Mp4FormatException e) {
            LOG.warnf("recording %d: its fragment index cannot be read (%s); left out of playback", row.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The wall-clock time of a fragment's first sample. */
    public Instant startOf(Fragment fragment) {
        return start.plus(fragment.startMicros(), ChronoUnit.MICROS);
    }

    public Instant endOf(Fragment fragment) {
        return start.plus(fragment.endMicros(), ChronoUnit.MICROS);
    }

    /** Whether this file's media continues the other's timeline: the same known session. */
    public boolean sameSessionAs(Footage other) {
        return sessionId != null && sessionId.equals(other.sessionId);
    }

    /** Whether a decoder set up for the other's video can go on with this one's. */
    public boolean sameFormatAs(Footage other) {
        return Objects.equals(codec, other.codec) && Objects.equals(width, other.width) && Objects.equals(height, other.height);
    }
}
