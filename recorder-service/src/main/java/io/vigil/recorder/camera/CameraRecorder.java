package io.vigil.recorder.camera;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.file.CloseReason;
import io.vigil.recorder.file.FileRecovery;
import io.vigil.recorder.file.SegmentWriter;
import io.vigil.recorder.metrics.CameraMeters;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Records one camera: skips pieces already written, appends the others to the camera's open file,
 * and ends that file (announcing it) on rotation, session or codec change, idleness, or when the
 * camera leaves this replica. On its first piece it learns from the volume where the last
 * recorder of this camera stopped.
 *
 * <p>Synchronized: the consumer, the idle check and rebalances reach it from different threads.
 */
final class CameraRecorder {

    private static final Logger LOG = Logger.getLogger(CameraRecorder.class);

    private final String cameraId;
    private final RecorderSettings settings;
    private final RecordingAnnouncer announcer;
    private final CameraMeters meters;
    private final SequenceLedger ledger = new SequenceLedger();

    private int partition;
    private boolean recovered;
    private SegmentWriter file;
    private Instant lastWrite;

    CameraRecorder(String cameraId, int partition, RecorderSettings settings, RecordingAnnouncer announcer, CameraMeters meters) {
        this.cameraId = cameraId;
        this.partition = partition;
        this.settings = settings;
        this.announcer = announcer;
        this.meters = meters;
    }

    /**
     * Writes the piece unless it was written before.
     *
     * @throws IOException or {@link io.vigil.recorder.announce.AnnouncementFailedException} when the piece
     *                     could not be written; nothing half-done remains and the call may be repeated
     */
    synchronized Outcome record(MediaPiece piece) throws IOException {
        try {
            return write(piece);
        } catch (IOException | RuntimeException e) {
            meters.writeFailed();
            throw e;
        }
    }

    private Outcome write(MediaPiece piece) throws IOException {
        PieceHeader h = piece.header();
        if (!recovered) {
            recover();
        }
        if (ledger.isWritten(h.sessionId(), h.sequence())) {
            meters.duplicateSkipped();
            LOG.debugf("camera %s: piece %d of session %s was written before, skipped", cameraId, h.sequence(), h.sessionId());
            return Outcome.DUPLICATE;
        }
        if (file != null) {
            Optional<CloseReason> reason = RotationRule.reasonToEnd(file, piece);
            if (reason.isPresent()) {
                close(reason.get());
            }
        }
        if (file == null) {
            file = SegmentWriter.create(settings.root(), piece, settings.fsync());
            LOG.infof("camera %s: recording to %s (session %s, from piece %d)", cameraId, file.name().relativePath(), h.sessionId(), h.sequence());
        } else if (h.sequence() > file.lastSequence() + 1 && h.sessionId().equals(file.sessionId())) {
            LOG.warnf("camera %s: pieces %d to %d of session %s never arrived; %s goes on after the gap",
                    cameraId, file.lastSequence() + 1, h.sequence() - 1, h.sessionId(), file.name().relativePath());
        }
        long before = file.size();
        file.append(piece);
        ledger.written(h.sessionId(), h.sequence());
        lastWrite = settings.clock().instant();
        meters.pieceWritten(file.size() - before, h.end());
        return Outcome.WRITTEN;
    }

    /** Closes the open file if no piece arrived for {@code idle}. */
    synchronized void closeIfIdle(Duration idle) throws IOException {
        if (file != null && !lastWrite.plus(idle).isAfter(settings.clock().instant())) {
            close(CloseReason.IDLE);
        }
    }

    /**
     * Closes the open file because the camera leaves this replica. If that fails (Kafka down), the
     * file is left unclosed on the volume and whoever records the camera next recovers and closes it.
     */
    synchronized void release(CloseReason reason) {
        if (file != null) {
            try {
                close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("camera %s: could not close %s cleanly (%s); it is left for recovery", cameraId, file.name().relativePath(), e.getMessage());
                abandon();
            }
        }
        meters.remove();
    }

    /** Lets go of the open file without writing anything: another replica may be writing it already. */
    synchronized void abandon() {
        if (file != null) {
            file.close();
            file = null;
        }
        meters.remove();
    }

    synchronized int partition() {
        return partition;
    }

    synchronized void movedTo(int newPartition) {
        partition = newPartition;
    }

    /** Sync, announce, then mark closed: a file is never marked closed unless the indexer will hear of it. */
    private void close(CloseReason reason) throws IOException {
        if (file.pieceCount() == 0) {
            file.discard();
            file = null;
            return;
        }
        file.sync();
        RecordingClosed closed = file.closedEvent(reason);
        announcer.announce(closed);
        file.finish(reason);
        file = null;
        meters.fileClosed(reason);
        LOG.infof("camera %s: closed %s (%s): %d pieces, %d bytes, %s to %s", cameraId, closed.path(), closed.closeReason(),
                closed.pieceCount(), closed.bytes(), closed.start(), closed.end());
    }

    private void recover() throws IOException {
        FileRecovery.Result result = FileRecovery.recover(settings.root(), cameraId, settings.fsync(), settings.recoveryJournals());
        result.lastSequenceBySession().forEach(ledger::written);
        file = result.openFile().orElse(null);
        lastWrite = settings.clock().instant();
        recovered = true;
        if (file != null) {
            LOG.infof("camera %s: resuming %s after piece %d of session %s", cameraId, file.name().relativePath(), file.lastSequence(), file.sessionId());
        }
    }
}
