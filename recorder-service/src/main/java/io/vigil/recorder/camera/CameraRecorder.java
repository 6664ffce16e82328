package io.vigil.recorder.camera;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.announce.StorageEventPublisher;
import io.vigil.recorder.file.CloseReason;
import io.vigil.recorder.file.FileRecovery;
import io.vigil.recorder.file.SegmentWriter;
import io.vigil.recorder.metrics.CameraMeters;
import io.vigil.recorder.storage.StorageGate;
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
    private final StorageGate storage;
    private final StorageEventPublisher storageEvents;
    private final SequenceLedger ledger = new SequenceLedger();
    private final OwnerFence fence;
    /** The refusal at block going on, or null. */
    private Refusal refusal;

    private int partition;
    private boolean recovered;
    private SegmentWriter file;
    private Instant lastWrite;

    CameraRecorder(String cameraId, int partition, RecorderSettings settings, RecordingAnnouncer announcer,
                   RecorderStatusPublisher status, CameraMeters meters, StorageGate storage,
                   StorageEventPublisher storageEvents) {
        this.cameraId = cameraId;
        this.storage = storage;
        this.storageEvents = storageEvents;
        this.partition = partition;
        this.settings = settings;
        this.announcer = announcer;
        this.status = status;
        this.meters = meters;
        this.fence = new OwnerFence(settings.fenceHold());
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
        OwnerFence.Verdict verdict = fence.check(h, settings.clock().instant());
        if (verdict instanceof OwnerFence.Fenced fenced) {
            meters.pieceFenced();
            LOG.warnf("camera %s: refused piece %d of session %s from %s (owner epoch %d): %s owns the camera since epoch %d",
                    cameraId, h.sequence(), h.sessionId(), h.instance(), h.ownerEpoch(), fenced.newestInstance(), fenced.newest());
            return Outcome.FENCED;
        }
        if (verdict instanceof OwnerFence.Admitted admitted && admitted.liftedFrom() != null) {
            LOG.warnf("camera %s: owner epoch %d sent nothing for %d s; accepting epoch %d of %s (the ingest group began anew)",
                    cameraId, admitted.liftedFrom(), settings.fenceHold().toSeconds(), h.ownerEpoch(), h.instance());
        }
        StorageGate.Reading volume = storage.reading();
        // after a refusal the new file must begin at a keyframe: the rest of a split GOP is refused with its start
        if (volume.blocked() || (refusal != null && !h.keyframe())) {
            return refuse(piece, volume);
        }
        if (refusal != null) {
            endRefusal(volume.usage().usedPercentRounded());
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

    /**
     * At block: the open file is closed cleanly (synced, announced; nothing written is touched) and the
     * piece is acknowledged without being written. The first refused piece of a run publishes a
     * "recordings refused" event; when space is back, {@link #endRefusal} publishes its end and the next
     * piece starts a new file.
     */
    private Outcome refuse(MediaPiece piece, StorageGate.Reading volume) throws IOException {
        if (file != null) {
            LOG.warnf("camera %s: the recordings volume is %.1f %% full (block at %d %%): closing %s, refusing new pieces",
                    cameraId, volume.usage().usedPercent(), storage.thresholds().blockPercent(), file.name().relativePath());
            close(CloseReason.STORAGE);
        }
        boolean began = refusal == null;
        if (began) {
            refusal = new Refusal(piece.header().start());
        }
        refusal.add(piece.header().end());
        meters.pieceRefused();
        if (began) {
            storageEvents.recordingsRefused(cameraId, refusal.from(), refusal.to(), refusal.pieces(), true,
                    volume.usage().usedPercentRounded(), storage.thresholds().blockPercent());
        }
        return Outcome.REFUSED;
    }

    private void endRefusal(double usedPercent) {
        LOG.infof("camera %s: space is back; %d pieces from %s to %s were refused", cameraId, refusal.pieces(),
                refusal.from(), refusal.to());
        storageEvents.recordingsRefused(cameraId, refusal.from(), refusal.to(), refusal.pieces(), false, usedPercent,
                storage.thresholds().blockPercent());
        refusal = null;
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
        if (refusal != null) {
            // the camera leaves this replica: its refusal, as far as this replica saw it, ends here
            endRefusal(storage.reading().usage().usedPercentRounded());
        }
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
