package io.vigil.recorder.camera;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.recorder.announce.RecorderStatusPublisher;
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
 * and ends that file (announcing it) on rotation, session, codec or event change, idleness, or when
 * the camera leaves this replica. On its first piece it learns from the volume where the last
 * recorder of this camera stopped. Which file is open is published as the camera's recorder status
 * (best effort: the publisher never blocks).
 *
 * <p>Synchronized: the consumer, the idle check and rebalances reach it from different threads.
 */
final class CameraRecorder {

    private static final Logger LOG = Logger.getLogger(CameraRecorder.class);

    private final String cameraId;
    private final RecorderSettings settings;
    private final RecordingAnnouncer announcer;
    private final RecorderStatusPublisher status;
    private final CameraMeters meters;
    private final SequenceLedger ledger = new SequenceLedger();

    private int partition;
    private boolean recovered;
    private SegmentWriter file;
    private Instant lastWrite;

    CameraRecorder(String cameraId, int partition, RecorderSettings settings, RecordingAnnouncer announcer,
                   RecorderStatusPublisher status, CameraMeters meters) {
        this.cameraId = cameraId;
        this.partition = partition;
        this.settings = settings;
        this.announcer = announcer;
        this.status = status;
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
            LOG.infof("camera %s: recording to %s (session %s, from piece %d%s)", cameraId, file.name().relativePath(),
                    h.sessionId(), h.sequence(), file.eventId() == null ? "" : ", " + h.reason().wireName() + " event " + file.eventId());
        } else if (h.sequence() > file.lastSequence() + 1 && h.sessionId().equals(file.sessionId())) {
            LOG.warnf("camera %s: pieces %d to %d of session %s never arrived; %s goes on after the gap",
                    cameraId, file.lastSequence() + 1, h.sequence() - 1, h.sessionId(), file.name().relativePath());
        }
        long before = file.size();
        file.append(piece);
        if (file.pieceCount() == 1) {
            // only now: a file whose first write failed holds nothing to show, and may be discarded
            publishOpened();
        }
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
                letGo();
                // an orderly hand-over: the next owner starts after this, so its status comes later
                publishNoFile();
            }
        }
        meters.remove();
    }

    /**
     * Lets go of the open file without writing anything: another replica may be writing it already.
     * No status is published either: that replica may have published its own, which must stay the latest.
     */
    synchronized void abandon() {
        letGo();
        meters.remove();
    }

    synchronized int partition() {
        return partition;
    }

    synchronized void movedTo(int newPartition) {
        partition = newPartition;
    }

    private void letGo() {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    /** Sync, announce, then mark closed: a file is never marked closed unless the indexer will hear of it. */
    private void close(CloseReason reason) throws IOException {
        if (file.pieceCount() == 0) {
            file.discard(); // never published as open: nothing to take back
            file = null;
            return;
        }
        file.sync();
        RecordingClosed closed = file.closedEvent(reason);
        announcer.announce(closed);
        file.finish(reason);
        file = null;
        publishNoFile();
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
            publishOpened();
        }
    }

    private void publishOpened() {
        try {
            status.fileOpened(cameraId, file.name().relativePath(), file.start(), file.eventId());
        } catch (RuntimeException e) {
            LOG.warnf("camera %s: recorder status not published: %s", cameraId, e.getMessage());
        }
    }

    private void publishNoFile() {
        try {
            status.noFile(cameraId);
        } catch (RuntimeException e) {
            LOG.warnf("camera %s: recorder status not published: %s", cameraId, e.getMessage());
        }
    }
}
