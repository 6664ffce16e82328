package io.vigil.indexer.retention;

import io.quarkus.scheduler.Scheduled;
import io.vigil.indexer.deletion.CleanupLock;
import io.vigil.indexer.deletion.DeletionCause;
import io.vigil.indexer.deletion.RecordingDeletion;
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
import java.util.Map;
import java.util.Optional;

/**
 * Applies every camera's retention, every {@code vigil.indexer.retention-interval}: finishes the
 * deletions left marked, deletes what is older than the camera's {@code retentionDays} (an import's age
 * counts from when it was catalogued) and what is beyond its {@code retentionBytes}, then the orphans ({@link OrphanSweep}). Locked recordings stay.
 * One replica at a time ({@link CleanupLock}); the others skip the pass.
 */
@ApplicationScoped
public class RetentionPass {

    private static final Logger LOG = Logger.getLogger(RetentionPass.class);
    private static final int BATCH = 500;

    /**
     * An imported recording (session cause {@code import}) is as old as the later of its end and its
     * cataloguing: footage imported today with a date last year stays the camera's retention from today.
     */
    private static final String EXPIRED = """
            select id from recording
            where camera_id = ? and end_time < ? and not retention_locked and deleting_since is null
              and (session_cause is distinct from 'import' or indexed_at < ?)
            order by start_time limit ?
            """;
    /** Cameras removed from the table (their footage outlives them) get the default retention. */
    private static final String EXPIRED_WITHOUT_CAMERA = """
            select r.id from recording r
            where r.end_time < ? and not r.retention_locked and r.deleting_since is null
              and (r.session_cause is distinct from 'import' or r.indexed_at < ?)
              and not exists (select 1 from camera c where c.id = r.camera_id)
            order by r.start_time limit ?
            """;
    private static final String NEWEST_FIRST = """
            select id, bytes, retention_locked from recording
            where camera_id = ? and deleting_since is null order by start_time desc, id desc
            """;

    private final CleanupLock lock;
    private final RecordingDeletion deletion;
    private final OrphanSweep orphans;
    private final Clock clock = Clock.systemUTC();

    RetentionPass(CleanupLock lock, RecordingDeletion deletion, OrphanSweep orphans) {
        this.lock = lock;
        this.deletion = deletion;
        this.orphans = orphans;
    }

    // the first pass one interval after start, not at once: a service (re)starting in a crash loop
    // does not delete on every start, and tests on fixed past dates see no pass they did not ask for
    @Scheduled(identity = "retention", every = "${vigil.indexer.retention-interval}",
            delayed = "${vigil.indexer.retention-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run().ifPresentOrElse(result -> {
                if (result.total() > 0) {
                    LOG.infof("retention pass: %s", result);
                }
            }, () -> LOG.debug("retention pass skipped: another indexer replica is cleaning"));
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf("retention pass failed, the next one retries: %s", e.toString());
        }
    }

    /** What one pass deleted. */
    public record Result(int resumed, int expired, int overCap, int orphanRows, int orphanFiles) {
        int total() {
            return resumed + expired + overCap + orphanRows + orphanFiles;
        }
    }

    /** One pass; empty when another replica holds the cleanup lock. */
    public Optional<Result> run() throws SQLException, IOException {
        Optional<CleanupLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try (CleanupLock.Held cleaning = held.get()) {
            Connection connection = cleaning.connection();
            Instant now = clock.instant();
            int resumed = deletion.resumeMarked(connection);
            RetentionPolicies policies = RetentionPolicies.load(connection);
            int expired = deleteExpired(connection, policies, now);
            int overCap = deleteOverCap(connection, policies);
            int orphanRows = orphans.removeRowsWithoutFile(connection);
            int orphanFiles = orphans.removeOldFilesWithoutRow(connection, policies::of, now);
            return Optional.of(new Result(resumed, expired, overCap, orphanRows, orphanFiles));
        }
    }

    private int deleteExpired(Connection connection, RetentionPolicies policies, Instant now) throws SQLException {
        int deleted = 0;
        for (Map.Entry<String, RetentionPolicy> camera : policies.byCamera().entrySet()) {
            deleted += deleteAll(connection, EXPIRED, camera.getKey(), camera.getValue().cutoff(now));
        }
        return deleted + deleteAll(connection, EXPIRED_WITHOUT_CAMERA, null, RetentionPolicy.DEFAULT.cutoff(now));
    }

    /** In batches, oldest first, until none is left (or none of a batch could be deleted). */
    private int deleteAll(Connection connection, String query, String cameraId, Instant cutoff) throws SQLException {
        int deleted = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(query)) {
                int parameter = 1;
                if (cameraId != null) {
                    select.setString(parameter++, cameraId);
                }
                select.setTimestamp(parameter++, Timestamp.from(cutoff));
                select.setTimestamp(parameter++, Timestamp.from(cutoff));
                select.setInt(parameter, BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            int batch = deletion.delete(connection, ids, DeletionCause.RETENTION_AGE).size();
            deleted += batch;
            if (ids.size() < BATCH || batch == 0) {
                return deleted;
            }
        }
    }

    private int deleteOverCap(Connection connection, RetentionPolicies policies) throws SQLException {
        int deleted = 0;
        for (Map.Entry<String, RetentionPolicy> camera : policies.byCamera().entrySet()) {
            if (camera.getValue().bytesCap() == null) {
                continue;
            }
            List<RetentionPolicy.Stored> newestFirst = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(NEWEST_FIRST)) {
                select.setString(1, camera.getKey());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        newestFirst.add(new RetentionPolicy.Stored(rows.getLong(1), rows.getLong(2), rows.getBoolean(3)));
                    }
                }
            }
            List<Long> beyond = camera.getValue().beyondCap(newestFirst);
            for (int from = 0; from < beyond.size(); from += BATCH) {
                deleted += deletion.delete(connection, beyond.subList(from, Math.min(beyond.size(), from + BATCH)),
                        DeletionCause.RETENTION_BYTES).size();
            }
        }
        return deleted;
    }
}
