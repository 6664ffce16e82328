package io.vigil.indexer.retention;

import io.vigil.indexer.deletion.DeletionCause;
import io.vigil.indexer.deletion.RecordingDeletion;
import io.vigil.indexer.volume.InvalidRecordingPathException;
import io.vigil.indexer.volume.RecordingPath;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Leaves no orphan after a pass: a row whose file is gone is removed; a file no row knows is deleted
 * if it is older than its camera's retention (a newer one is the backfill's to catalog). Rows are
 * never removed while the root looks unmounted (missing, unreadable or empty): a volume that is not
 * there must not wipe the catalog.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);
    private static final int BATCH = 1000;

    private static final String ROWS_AFTER = """
            select id, path from recording where id > ? and deleting_since is null order by id limit ?
            """;
    /** Marked rows count as known: their files are being deleted already. */
    private static final String KNOWN = "select path from recording where path = any(?)";

    private final RecordingsRoot root;
    private final RecordingDeletion deletion;

    OrphanSweep(RecordingsRoot root, RecordingDeletion deletion) {
        this.root = root;
        this.deletion = deletion;
    }

    /** Removes the rows whose file is not on the volume; returns how many. */
    public int removeRowsWithoutFile(Connection connection) throws SQLException {
        if (!anyRow(connection)) {
            return 0; // a new installation: an empty volume is what it should be
        }
        if (!root.looksMounted()) {
            LOG.warnf("recordings root %s is missing, unreadable or empty: no catalog row is removed for a missing file", root.path());
            return 0;
        }
        int removed = 0;
        long after = 0;
        while (true) {
            List<Long> missing = new ArrayList<>();
            int seen = 0;
            try (PreparedStatement query = connection.prepareStatement(ROWS_AFTER)) {
                query.setLong(1, after);
                query.setInt(2, BATCH);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        seen++;
                        after = rows.getLong(1);
                        if (fileMissing(rows.getString(2))) {
                            missing.add(after);
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                // checked again just before: the root could have gone away during the batch
                if (!root.looksMounted()) {
                    return removed;
                }
                int batchRemoved = deletion.delete(connection, missing, DeletionCause.ORPHAN).size();
                removed += batchRemoved;
                LOG.infof("removed %d catalog rows whose file is no longer on the volume", batchRemoved);
            }
            if (seen < BATCH) {
                return removed;
            }
        }
    }

    /** Deletes files without a row that are older than their camera's retention; returns how many. */
    public int removeOldFilesWithoutRow(Connection connection, Function<String, RetentionPolicy> policies, Instant now)
            throws SQLException, IOException {
        List<RecordingPath> batch = new ArrayList<>(BATCH);
        int[] deleted = {0};
        root.forEachRecording(file -> {
            if (policies.apply(file.path().cameraId()).expired(file.modified(), now)) {
                batch.add(file.path());
                if (batch.size() == BATCH) {
                    deleted[0] += deleteUnknown(connection, batch);
                    batch.clear();
                }
            }
        });
        return deleted[0] + deleteUnknown(connection, batch);
    }

    private int deleteUnknown(Connection connection, List<RecordingPath> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(KNOWN)) {
            Array paths = connection.createArrayOf("text", candidates.stream().map(RecordingPath::relative).toArray());
            query.setArray(1, paths);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        }
        int deleted = 0;
        for (RecordingPath file : candidates) {
            if (!known.contains(file.relative()) && deletion.unlinkUncatalogued(file)) {
                LOG.infof("deleted %s: no catalog row, and older than its camera's retention", file.relative());
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean anyRow(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select exists (select 1 from recording where deleting_since is null)");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private boolean fileMissing(String relative) {
        try {
            RecordingPath path = root.resolve(relative);
            return !Files.exists(path.file(), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidRecordingPathException e) {
            return false; // not a path under the root: not this sweep's business
        }
    }
}
