package io.vigil.indexer.storage;

import io.vigil.indexer.catalog.CatalogCalls;
import io.vigil.indexer.catalog.CatalogException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/**
 * Gap rows for spans the recorder refused at block. Other gap causes are written with
 * {@code on conflict do nothing}; this one overrides them (and widens the span), so
 * {@code storage_full} wins whichever is written first.
 */
@ApplicationScoped
public class StorageGaps {

    public static final String CAUSE = "storage_full";

    private static final String UPSERT = """
            insert into gap as g (camera_id, start_time, end_time, cause, detail, created_at)
            values (:cameraId, :start, :end, 'storage_full', :detail, :now)
            on conflict (camera_id, start_time) do update set
                cause = 'storage_full', end_time = greatest(g.end_time, excluded.end_time), detail = excluded.detail
            """;

    private final Mutiny.SessionFactory sessions;

    StorageGaps(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public void storageFull(String cameraId, Instant start, Instant end, String detail, Instant now) throws CatalogException {
        CatalogCalls.await("cannot write the storage_full gap of " + cameraId + " at " + start,
                () -> sessions.withTransaction(session -> session.createNativeQuery(UPSERT)
                        .setParameter("cameraId", cameraId)
                        .setParameter("start", start)
                        .setParameter("end", end)
                        .setParameter("detail", detail)
                        .setParameter("now", now)
                        .executeUpdate()));
    }
}
