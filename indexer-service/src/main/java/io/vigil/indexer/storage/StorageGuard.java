package io.vigil.indexer.storage;

import io.quarkus.scheduler.Scheduled;
import io.vigil.contracts.StorageEvent;
import io.vigil.contracts.storage.StorageState;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.contracts.storage.VolumeUsage;
import io.vigil.indexer.deletion.CleanupLock;
import io.vigil.indexer.deletion.DeletionCause;
import io.vigil.indexer.deletion.DoomedRecording;
import io.vigil.indexer.deletion.RecordingDeletion;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Storage protection, every {@code vigil.indexer.storage-check-interval}: measures the volume, and
 * from warn on deletes the oldest unlocked recordings, whatever their camera's retention, until usage
 * is back under warn (the volume is checked again after every file). That cuts retention short,
 * which a {@code retention.cut-short} event says; every change of state is a {@code state.changed}
 * event. When nothing is left to delete the volume stays at warn or block: at block the recorder
 * refuses new pieces (and says so itself).
 */
@ApplicationScoped
public class StorageGuard {

    private static final Logger LOG = Logger.getLogger(StorageGuard.class);
    private static final int BATCH = 20;

    private static final String OLDEST = """
            select id from recording where not retention_locked and deleting_since is null
            order by start_time, id limit ?
            """;
    private static final String OLDEST_REMAINING = "select min(start_time) from recording where deleting_since is null";

    private final RecordingsRoot root;
    private final StorageThresholds thresholds;
    private final CleanupLock lock;
    private final RecordingDeletion deletion;
    private final StorageEvents events;
    private final StorageMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    /** The state last published by this replica (null before the first), and the one last logged. */
    private StorageState published;
    private StorageState seen;

    StorageGuard(RecordingsRoot root, StorageSettings settings, CleanupLock lock, RecordingDeletion deletion,
                 StorageEvents events, StorageMetrics metrics) {
        this.root = root;
        this.thresholds = settings.thresholds();
        this.lock = lock;
        this.deletion = deletion;
        this.events = events;
        this.metrics = metrics;
    }

    @Scheduled(identity = "storage-guard", every = "${vigil.indexer.storage-check-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf("storage check failed, the next one retries: %s", e.toString());
        }
    }

    /** One check; returns the state it leaves the volume in. */
    public synchronized StorageState check() throws IOException, SQLException {
        VolumeUsage usage = observe();
        if (thresholds.state(usage) == StorageState.OK) {
            return StorageState.OK;
        }
        Optional<CleanupLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            LOG.debug("storage above warn, but another indexer replica (or the retention pass) is deleting");
            return thresholds.state(usage);
        }
        try (CleanupLock.Held cleaning = held.get()) {
            freeSpace(cleaning.connection(), usage);
        }
        return thresholds.state(observe());
    }

    private VolumeUsage observe() throws IOException {
        VolumeUsage usage = VolumeUsage.of(root.path());
        StorageState state = thresholds.state(usage);
        metrics.seen(usage, state);
        if (state != seen) {
            LOG.log(state == StorageState.OK ? Logger.Level.INFO : Logger.Level.WARN,
                    String.format("recordings volume %s: %.1f %% used (warn %d %%, block %d %%)", state.wireName(),
                            usage.usedPercent(), thresholds.warnPercent(), thresholds.blockPercent()));
            seen = state;
        }
        // until Kafka took it (right after start the channel may not be connected yet), it is tried again
        if (state != published && events.publish(StorageEvent.stateChanged(clock.instant(), events.instance(), state,
                published, usage.usedPercentRounded(), usage.totalBytes(), usage.usedBytes(), thresholds.warnPercent(),
                thresholds.blockPercent()))) {
            published = state;
        }
        return usage;
    }

    /** Deletes the oldest unlocked recordings, one at a time, until usage is under warn or none is left. */
    private void freeSpace(Connection connection, VolumeUsage usage) throws SQLException, IOException {
        deletion.resumeMarked(connection);
        int deleted = 0;
        long bytes = 0;
        TreeSet<String> cameras = new TreeSet<>();
        VolumeUsage now = usage;
        outer:
        while (thresholds.state(now) != StorageState.OK) {
            List<Long> oldest = oldest(connection);
            if (oldest.isEmpty()) {
                break;
            }
            int before = deleted;
            for (Long id : oldest) {
                for (DoomedRecording gone : deletion.delete(connection, List.of(id), DeletionCause.STORAGE)) {
                    deleted++;
                    bytes += gone.bytes();
                    cameras.add(gone.cameraId());
                }
                now = VolumeUsage.of(root.path());
                if (thresholds.state(now) == StorageState.OK) {
                    break outer;
                }
            }
            if (deleted == before) {
                break; // none of them could be deleted (files that cannot be unlinked): do not spin
            }
        }
        if (deleted > 0) {
            Instant oldestRemaining = oldestRemaining(connection);
            StorageState state = thresholds.state(now);
            LOG.warnf("storage protection deleted %d recordings (%d bytes) of %s before their retention ended; "
                            + "%.1f %% used now, oldest recording left from %s", deleted, bytes, cameras, now.usedPercent(),
                    oldestRemaining);
            events.publish(StorageEvent.retentionCutShort(clock.instant(), events.instance(), state, now.usedPercentRounded(),
                    thresholds.warnPercent(), deleted, bytes, new ArrayList<>(cameras), oldestRemaining));
        } else if (thresholds.state(now) != StorageState.OK) {
            LOG.debugf("storage at %.1f %%, but no unlocked recording is left to delete", now.usedPercent());
        }
    }

    private List<Long> oldest(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>(BATCH);
        try (PreparedStatement query = connection.prepareStatement(OLDEST)) {
            query.setInt(1, BATCH);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Instant oldestRemaining(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OLDEST_REMAINING); ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(1);
            return oldest == null ? null : oldest.toInstant();
        }
    }
}
