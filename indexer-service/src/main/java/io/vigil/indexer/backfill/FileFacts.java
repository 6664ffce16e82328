package io.vigil.indexer.backfill;

import io.vigil.contracts.RecordingReason;
import io.vigil.indexer.indexing.RecordingFacts;
import io.vigil.indexer.volume.PieceJournal;
import io.vigil.indexer.volume.RecordingFileName;
import io.vigil.indexer.volume.RecordingPath;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * What the volume alone says about a recording no event announced: the recorder's piece journal
 * when it left one, else the start time in the file's name (and continuous: a file without a
 * journal cannot say which event it shows).
 */
final class FileFacts {

    private static final Logger LOG = Logger.getLogger(FileFacts.class);

    private FileFacts() {
    }

    /** Empty when neither the journal nor the name tells when the recording started. */
    static Optional<RecordingFacts> of(RecordingPath recording) {
        Optional<Instant> named = RecordingFileName.start(recording);
        try {
            Optional<PieceJournal> journal = PieceJournal.read(recording);
            if (journal.isPresent() && (journal.get().start() != null || named.isPresent())) {
                PieceJournal pieces = journal.get();
                return Optional.of(new RecordingFacts(recording.cameraId(),
                        pieces.start() != null ? pieces.start() : named.get(), pieces.sessionId(),
                        pieces.firstSequence(), pieces.lastSequence(), pieces.pieceCount(), pieces.codec(),
                        pieces.reason(), pieces.eventId(), pieces.session()));
            }
        } catch (IOException e) {
            LOG.warnf("ignoring the journal of %s: %s", recording.relative(), e.getMessage());
        }
        return named.map(start -> new RecordingFacts(recording.cameraId(), start, null, null, null, null, null,
                RecordingReason.CONTINUOUS, null));
    }
}
