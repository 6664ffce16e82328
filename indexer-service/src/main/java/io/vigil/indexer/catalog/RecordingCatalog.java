package io.vigil.indexer.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code recording} table. Calls block until PostgreSQL answers: the indexer's callers run on
 * worker threads, one recording at a time, and must know the row is committed before they go on.
 */
@ApplicationScoped
public class RecordingCatalog {

    /** Keyed on path: indexing a file again (a replayed event, a second backfill) rewrites its row. */
    private static final String UPSERT = """
            insert into Recording (cameraId, path, startTime, endTime, durationMs, bytes, codec, width, height, fps,
                                   sessionId, firstSequence, lastSequence, pieceCount, fragmentIndex, indexedAt,
                                   reason, eventId, sessionCause, previousFailure, ingestInstance)
            values (:cameraId, :path, :startTime, :endTime, :durationMs, :bytes, :codec, :width, :height, :fps,
                    :sessionId, :firstSequence, :lastSequence, :pieceCount, :fragmentIndex, :indexedAt,
                    :reason, :eventId, :sessionCause, :previousFailure, :ingestInstance)
            on conflict (path) do update set
                cameraId = excluded.cameraId, startTime = excluded.startTime, endTime = excluded.endTime,
                durationMs = excluded.durationMs, bytes = excluded.bytes, codec = excluded.codec,
                width = excluded.width, height = excluded.height, fps = excluded.fps,
                sessionId = excluded.sessionId, firstSequence = excluded.firstSequence,
                lastSequence = excluded.lastSequence, pieceCount = excluded.pieceCount,
                fragmentIndex = excluded.fragmentIndex, indexedAt = excluded.indexedAt,
                reason = excluded.reason, eventId = excluded.eventId, sessionCause = excluded.sessionCause,
                previousFailure = excluded.previousFailure, ingestInstance = excluded.ingestInstance
            """;

    private static final String CATALOGED = "select r.path from Recording r where r.path in :paths";

    private final Mutiny.SessionFactory sessions;

    RecordingCatalog(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Writes the row of {@code entry.path()}, replacing the one already there. */
    public void upsert(CatalogEntry entry) throws CatalogException {
        CatalogCalls.await("cannot write the row of " + entry.path(), () -> sessions.withTransaction(session -> session
                .createMutationQuery(UPSERT)
                .setParameter("cameraId", entry.cameraId())
                .setParameter("path", entry.path())
                .setParameter("startTime", entry.start())
                .setParameter("endTime", entry.end())
                .setParameter("durationMs", entry.durationMillis())
                .setParameter("bytes", entry.bytes())
                .setParameter("codec", entry.codec())
                .setParameter("width", entry.width())
                .setParameter("height", entry.height())
                .setParameter("fps", entry.fps())
                .setParameter("sessionId", entry.sessionId())
                .setParameter("firstSequence", entry.firstSequence())
                .setParameter("lastSequence", entry.lastSequence())
                .setParameter("pieceCount", entry.pieceCount())
                .setParameter("fragmentIndex", entry.fragmentIndex())
                .setParameter("indexedAt", entry.indexedAt())
                .setParameter("reason", entry.reason().wireName())
                .setParameter("eventId", entry.eventId())
                .setParameter("sessionCause", entry.session().cause().wireName())
                .setParameter("previousFailure", entry.session().previousFailure())
                .setParameter("ingestInstance", entry.session().instance())
                .executeUpdate()));
    }

    /** Which of {@code paths} have a row: one query for the whole batch. */
    public Set<String> cataloged(Collection<String> paths) throws CatalogException {
        if (paths.isEmpty()) {
            return Set.of();
        }
        List<String> found = CatalogCalls.await("cannot look up " + paths.size() + " paths", () -> sessions.withSession(session -> session
                .createSelectionQuery(CATALOGED, String.class)
                .setParameter("paths", paths)
                .getResultList()));
        return new HashSet<>(found);
    }

}
