package io.vigil.indexer.deletion;

import io.vigil.indexer.volume.InvalidRecordingPathException;
import io.vigil.indexer.volume.RecordingPath;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes recordings, file and row together, so that a crash at any moment leaves nothing
 * half-deleted: (1) the row is marked ({@code deleting_since}), which hides it from every query and
 * from then on no one serves it; (2) the file and its journal are unlinked; (3) the row is removed.
 * A crash after (1) leaves a marked row, which {@link #resumeMarked} finishes at the start of the
 * next pass. A locked row is never marked: the mark and the lock exclude each other in one statement.
 */
@ApplicationScoped
public class RecordingDeletion {

    private static final Logger LOG = Logger.getLogger(RecordingDeletion.class);

    private static final String MARK = """
            update recording set deleting_since = now()
            where id = any(?) and deleting_since is null and not retention_locked
            returning id, camera_id, path, bytes, start_time
            """;
    private static final String MARKED = """
            select id, camera_id, path, bytes, start_time from recording
            where deleting_since is not null order by id limit ?
            """;
    private static final String REMOVE = "delete from recording where id = ? and deleting_since is not null";

    private final RecordingsRoot root;
    private final DeletionMetrics metrics;

    RecordingDeletion(RecordingsRoot root, DeletionMetrics metrics) {
        this.root = root;
        this.metrics = metrics;
    }

    /** Step 1 for these rows; rows locked, already marked or gone meanwhile are left out. */
    public List<DoomedRecording> mark(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, array);
            return doomed(mark);
        }
    }

    /**
     * Steps 2 and 3 for marked rows.
     *
     * @return the ones deleted; one whose file could not be unlinked stays marked (and hidden) for the next pass
     */
    public List<DoomedRecording> finish(Connection connection, List<DoomedRecording> marked, DeletionCause cause) throws SQLException {
        List<DoomedRecording> deleted = new ArrayList<>(marked.size());
        for (DoomedRecording recording : marked) {
            if (unlink(recording) && remove(connection, recording)) {
                metrics.deleted(cause, recording.bytes());
                deleted.add(recording);
            }
        }
        return deleted;
    }

    /** Marks and deletes these rows at once. */
    public List<DoomedRecording> delete(Connection connection, List<Long> ids, DeletionCause cause) throws SQLException {
        return finish(connection, mark(connection, ids), cause);
    }

    /** Finishes the deletions a crash (or an interrupted API call) left marked; returns how many. */
    public int resumeMarked(Connection connection) throws SQLException {
        int finished = 0;
        while (true) {
            List<DoomedRecording> marked;
            try (PreparedStatement query = connection.prepareStatement(MARKED)) {
                query.setInt(1, 500);
                marked = doomed(query);
            }
            List<DoomedRecording> deleted = finish(connection, marked, DeletionCause.RESUMED);
            finished += deleted.size();
            if (marked.size() < 500 || deleted.isEmpty()) {
                return finished;
            }
        }
    }

    /** Unlinks a file no row knows, and its journal. */
    public boolean unlinkUncatalogued(RecordingPath file) {
        try {
            long bytes = Files.exists(file.file()) ? Files.size(file.file()) : 0;
            Files.deleteIfExists(file.file());
            Files.deleteIfExists(file.journal());
            metrics.orphanFileDeleted(bytes);
            return true;
        } catch (IOException e) {
            LOG.warnf("cannot delete %s, which no catalog row knows: %s", file.relative(), e);
            return false;
        }
    }

    private boolean unlink(DoomedRecording recording) {
        RecordingPath path;
        try {
            path = root.resolve(recording.path());
        } catch (InvalidRecordingPathException e) {
            // a row naming no file under the root: there is nothing to unlink, only the row to drop
            LOG.warnf("recording %d: %s; its row is removed", recording.id(), e.getMessage());
            return true;
        }
        try {
            // the video first: the backfill only looks for .mp4 files, so a journal left alone is harmless
            Files.deleteIfExists(path.file());
            Files.deleteIfExists(path.journal());
            return true;
        } catch (IOException e) {
            LOG.warnf("recording %d: cannot delete %s (%s); it stays marked and is retried on the next pass",
                    recording.id(), recording.path(), e);
            return false;
        }
    }

    private static boolean remove(Connection connection, DoomedRecording recording) throws SQLException {
        try (PreparedStatement remove = connection.prepareStatement(REMOVE)) {
            remove.setLong(1, recording.id());
            remove.executeUpdate();
            return true;
        }
    }

    private static List<DoomedRecording> doomed(PreparedStatement statement) throws SQLException {
        List<DoomedRecording> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new DoomedRecording(result.getLong(1), result.getString(2), result.getString(3),
                        result.getLong(4), result.getTimestamp(5).toInstant()));
            }
        }
        return rows;
    }
}
