package io.vigil.indexer.indexing;

import io.vigil.fmp4.FragmentIndex;
import io.vigil.fmp4.FragmentIndexReader;
import io.vigil.fmp4.Mp4FormatException;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.probe.Ffprobe;
import io.vigil.indexer.probe.ProbeException;
import io.vigil.indexer.probe.ProbeResult;
import io.vigil.indexer.volume.RecordingPath;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a recording file into its catalog row: ffprobe for codec and picture, the fragment index
 * for where each second lies, the facts the recorder gave for the rest.
 *
 * <p>The row's time span is the file's own: {@code start} as the recorder stated it, the duration
 * its fragments add up to (ffprobe's duration when it has none), the end their sum. Either reader
 * failing alone still gives a row; a file neither can read gives none.
 */
@ApplicationScoped
public class RecordingIndexer {

    private static final Logger LOG = Logger.getLogger(RecordingIndexer.class);

    private final Ffprobe ffprobe;
    private final Clock clock = Clock.systemUTC();

    RecordingIndexer(Ffprobe ffprobe) {
        this.ffprobe = ffprobe;
    }

    /** The catalog row of {@code recording}, from its file and {@code facts}. */
    public CatalogEntry describe(RecordingPath recording, RecordingFacts facts) throws UnindexableRecordingException {
        long bytes = size(recording);
        ProbeResult probe = probe(recording);
        FragmentIndex index = fragmentIndex(recording);
        if (probe == null && index == null) {
            throw new UnindexableRecordingException("unreadable", recording.relative()
                    + " holds nothing ffprobe or the fragment reader can read");
        }
        long durationMicros = index != null && !index.fragments().isEmpty() ? index.durationMicros()
                : probe != null && probe.durationMicros() != null ? probe.durationMicros() : 0;
        Instant end = facts.start().plus(Duration.ofNanos(durationMicros * 1_000));
        return new CatalogEntry(
                facts.cameraId(),
                recording.relative(),
                facts.start(),
                end,
                durationMicros / 1_000,
                bytes,
                probe != null && probe.codec() != null ? probe.codec() : facts.codec(),
                probe == null ? null : probe.width(),
                probe == null ? null : probe.height(),
                probe == null ? null : probe.fps(),
                facts.sessionId(),
                facts.firstSequence(),
                facts.lastSequence(),
                facts.pieceCount(),
                index == null ? null : index.encode(),
                clock.instant(),
                facts.reason(),
                facts.eventId(),
                facts.session());
    }

    private static long size(RecordingPath recording) throws UnindexableRecordingException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(recording.file(), BasicFileAttributes.class);
            if (!attributes.isRegularFile() || !Files.isReadable(recording.file())) {
                throw new UnindexableRecordingException("unreadable", recording.relative() + " is not a readable file");
            }
            return attributes.size();
        } catch (NoSuchFileException e) {
            throw new UnindexableRecordingException("missing", recording.relative() + " does not exist (deleted since?)");
        } catch (IOException e) {
            throw new UnindexableRecordingException("unreadable", "cannot read " + recording.relative() + ": " + e);
        }
    }

    private ProbeResult probe(RecordingPath recording) {
        try {
            return ffprobe.probe(recording.file());
        } catch (ProbeException e) {
            LOG.warnf("ffprobe cannot describe %s, cataloging it without codec and picture size: %s",
                    recording.relative(), e.getMessage());
            return null;
        }
    }

    private static FragmentIndex fragmentIndex(RecordingPath recording) {
        try {
            return FragmentIndexReader.read(recording.file());
        } catch (Mp4FormatException | IOException e) {
            LOG.warnf("%s is not a readable fragmented MP4, cataloging it without a fragment index: %s",
                    recording.relative(), e.getMessage());
            return null;
        }
    }
}
