package io.vigil.recorder.camera;

import io.vigil.contracts.MediaPiece;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.announce.StorageEventPublisher;
import io.vigil.recorder.file.CloseReason;
import io.vigil.recorder.metrics.RecorderMetrics;
import io.vigil.recorder.storage.StorageGate;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The cameras this replica records: exactly those whose media partitions it is assigned. Pieces
 * are recorded under a shared lock; a rebalance or the shutdown takes it exclusively, so no piece
 * is half-way through a camera's file while that camera is handed over.
 */
public final class CameraRecorders {

    private static final Logger LOG = Logger.getLogger(CameraRecorders.class);

    private final RecorderSettings settings;
    private final RecordingAnnouncer announcer;
    private final RecorderStatusPublisher status;
    private final RecorderMetrics metrics;
    private final StorageGate storage;
    private final StorageEventPublisher storageEvents;
    private final Map<String, CameraRecorder> cameras = new ConcurrentHashMap<>();
    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock handover = new ReentrantReadWriteLock();
    private volatile boolean stopped;

    public CameraRecorders(RecorderSettings settings, RecordingAnnouncer announcer, RecorderStatusPublisher status,
                           RecorderMetrics metrics) {
        this(settings, announcer, status, metrics, StorageGate.OPEN, StorageEventPublisher.NONE);
    }

    public CameraRecorders(RecorderSettings settings, RecordingAnnouncer announcer, RecorderStatusPublisher status,
                           RecorderMetrics metrics, StorageGate storage, StorageEventPublisher storageEvents) {
        this.settings = settings;
        this.announcer = announcer;
        this.status = status;
        this.metrics = metrics;
        this.storage = storage;
        this.storageEvents = storageEvents;
    }

    /**
     * Records a piece that came from {@code partition}.
     *
     * @throws IOException or {@link io.vigil.recorder.announce.AnnouncementFailedException}: not written, try again
     */
    public Outcome record(MediaPiece piece, int partition) throws IOException {
        handover.readLock().lock();
        try {
            if (stopped || !partitions.contains(partition)) {
                return Outcome.NOT_OWNED;
            }
            String cameraId = piece.header().cameraId();
            CameraRecorder recorder = cameras.computeIfAbsent(cameraId,
                    id -> new CameraRecorder(id, partition, settings, announcer, status, metrics.camera(id), storage, storageEvents));
            if (recorder.partition() != partition) {
                recorder.movedTo(partition); // the topic gained partitions: the camera's key hashes elsewhere now
            }
            return recorder.record(piece);
        } finally {
            handover.readLock().unlock();
        }
    }

    /** Closes the files that received no piece for {@code idle}; a failure is retried on the next call. */
    public void closeIdle(Duration idle) {
        handover.readLock().lock();
        try {
            cameras.forEach((id, recorder) -> {
                try {
                    recorder.closeIfIdle(idle);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("camera %s: could not close its idle file, will retry: %s", id, e.getMessage());
                }
            });
        } finally {
            handover.readLock().unlock();
        }
    }

    /** From now on, pieces of these partitions are recorded; each camera first recovers from the volume. */
    public void assigned(Collection<Integer> added) {
        exclusively(() -> partitions.addAll(added));
    }

    /** The partitions were taken away in an orderly rebalance: close and announce their cameras' files. */
    public void revoked(Collection<Integer> removed) {
        exclusively(() -> {
            partitions.removeAll(removed);
            dropCameras(removed, recorder -> recorder.release(CloseReason.REVOKED));
        });
    }

    /** The partitions were lost (this replica was presumed dead): another may be writing those files already. */
    public void lost(Collection<Integer> removed) {
        exclusively(() -> {
            partitions.removeAll(removed);
            dropCameras(removed, CameraRecorder::abandon);
        });
    }

    /** Closes and announces every open file; pieces arriving afterwards are not acknowledged. */
    public void stop() {
        exclusively(() -> {
            stopped = true;
            partitions.clear();
            dropCameras(null, recorder -> recorder.release(CloseReason.SHUTDOWN));
        });
    }

    public boolean isStopped() {
        return stopped;
    }

    /** @param onlyIn the partitions whose cameras to drop, or null for all */
    private void dropCameras(Collection<Integer> onlyIn, Consumer<CameraRecorder> farewell) {
        List<String> leaving = cameras.entrySet().stream()
                .filter(e -> onlyIn == null || onlyIn.contains(e.getValue().partition()))
                .map(Map.Entry::getKey)
                .toList();
        leaving.forEach(id -> farewell.accept(cameras.remove(id)));
    }

    private void exclusively(Runnable change) {
        handover.writeLock().lock();
        try {
            change.run();
        } finally {
            handover.writeLock().unlock();
        }
    }
}
