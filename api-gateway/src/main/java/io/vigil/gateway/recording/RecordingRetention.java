package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locks, unlocks and deletes recordings. A deletion follows the indexer's protocol (see
 * docs/storage.md): (1) the row is marked {@code deleting_since}, which hides it from every query,
 * in one statement that also requires it unlocked; (2) the file and its journal are unlinked;
 * (3) the row is removed. Interrupted after (1), the indexer's next retention pass finishes it.
 */
@ApplicationScoped
public class RecordingRetention {

    private static final Logger LOG = Logger.getLogger(RecordingRetention.class);

    private static final String SET_LOCK = "update recording set retention_locked = :locked where id = :id and deleting_since is null";
    private static final String MARK = """
            update recording set deleting_since = now() where id = :id and deleting_since is null and not retention_locked
            """;
    private static final String REMOVE = "delete from recording where id = :id and deleting_since is not null";

    private final RecordingRepository recordings;
    private final Path root;
    private final Vertx vertx;

    RecordingRetention(RecordingRepository recordings, RecordingsConfig config, Vertx vertx) {
        this.recordings = recordings;
        this.root = config.root().toAbsolutePath().normalize();
        this.vertx = vertx;
    }

    /** The recording after the change, or 404 (unknown, or being deleted). */
    public Uni<Recording> setLocked(long id, boolean locked) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(SET_LOCK)
                        .setParameter("locked", locked).setParameter("id", id).executeUpdate()))
                .chain(rows -> rows == 0 ? Uni.createFrom().failure(notFound(id))
                        // a session of its own, so the row is read as it is now
                        : Panache.withSession(() -> recordings.findById(id)));
    }

    /** 204 once file and row are gone; 404 when unknown; 409 when locked. */
    public Uni<Void> delete(long id) {
        return Panache.withTransaction(() -> recordings.findById(id).chain(recording -> {
                    if (recording == null || recording.deletingSince() != null) {
                        return Uni.createFrom().failure(notFound(id));
                    }
                    if (recording.retentionLocked()) {
                        return Uni.createFrom().failure(locked(id));
                    }
                    return Panache.getSession().chain(session -> session.createNativeQuery(MARK).setParameter("id", id).executeUpdate())
                            // locked (or deleted) between the read and the mark
                            .chain(rows -> rows == 0 ? Uni.createFrom().failure(locked(id)) : Uni.createFrom().item(recording.path()));
                }))
                // the unlink is file I/O: off the event loop, and back on its context for the last statement
                .chain(path -> vertx.executeBlocking(Uni.createFrom().item(() -> unlink(id, path))))
                .chain(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(REMOVE).setParameter("id", id).executeUpdate())))
                .replaceWithVoid();
    }

    private Void unlink(long id, String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !insideRoot(file.getParent())) {
            // a row naming no file under the root: only the row goes
            LOG.warnf("recording %d: %s is outside the recordings root; only its row is deleted", id, relative);
            return null;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".pieces"));
            LOG.infof("recording %d deleted through the API: %s", id, relative);
            return null;
        } catch (IOException e) {
            // the row stays marked and hidden: the indexer's next retention pass retries the unlink
            throw new UncheckedIOException("cannot delete the file of recording " + id, e);
        }
    }

    /** Links followed: a linked folder must not lead the unlink outside the root. */
    private boolean insideRoot(Path folder) {
        try {
            return folder.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true; // the folder is gone: there is nothing to unlink, deleteIfExists will find nothing
        }
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("no recording " + id);
    }

    private static ProblemException locked(long id) {
        return ProblemException.conflict("recording " + id + " is locked: unlock it (DELETE /api/recordings/" + id
                + "/lock) before deleting it");
    }
}
