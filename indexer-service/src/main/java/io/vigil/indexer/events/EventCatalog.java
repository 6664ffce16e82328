package io.vigil.indexer.events;

import io.vigil.indexer.catalog.CatalogCalls;
import io.vigil.indexer.catalog.CatalogException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/** The {@code event} table: one row per event, kept up to date from the event's records. */
@ApplicationScoped
public class EventCatalog {

    /** The score of the record beats the row's peak (none yet counts as below every score). */
    private static final String RAISES_PEAK = "excluded.peak_score > coalesce(e.peak_score, -1)";

    /**
     * One statement for every kind of record, so the row is the same whatever order its records
     * come in (see {@link EventUpdate}). The WHERE leaves a row that would not change untouched,
     * updated_at included: a record seen twice changes nothing. Native SQL, because the update
     * compares the row with the record column by column (PostgreSQL's excluded and the target alias).
     */
    private static final String UPSERT = """
            insert into event as e (id, camera_id, start_time, end_time, recording_end, reason, label,
                                    peak_score, box_x, box_y, box_width, box_height, updated_at)
            values (:id, :cameraId, :start, :end, :recordingEnd, :reason, :label,
                    :score, :boxX, :boxY, :boxWidth, :boxHeight, :now)
            on conflict (id) do update set
                start_time    = least(e.start_time, excluded.start_time),
                end_time      = greatest(e.end_time, excluded.end_time),
                recording_end = greatest(e.recording_end, excluded.recording_end),
                label         = coalesce(e.label, excluded.label),
                peak_score    = case when %1$s then excluded.peak_score else e.peak_score end,
                box_x         = case when %1$s then excluded.box_x else e.box_x end,
                box_y         = case when %1$s then excluded.box_y else e.box_y end,
                box_width     = case when %1$s then excluded.box_width else e.box_width end,
                box_height    = case when %1$s then excluded.box_height else e.box_height end,
                updated_at    = excluded.updated_at
            where (least(e.start_time, excluded.start_time), greatest(e.end_time, excluded.end_time),
                   greatest(e.recording_end, excluded.recording_end), coalesce(e.label, excluded.label))
                  is distinct from (e.start_time, e.end_time, e.recording_end, e.label)
               or %1$s
            """.formatted(RAISES_PEAK);

    private final Mutiny.SessionFactory sessions;

    EventCatalog(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Applies the record to its event's row, creating the row if absent.
     *
     * @return false when the row already said all the record says (nothing was written)
     */
    public boolean apply(EventUpdate update, Instant now) throws CatalogException {
        Integer rows = CatalogCalls.await("cannot write event " + update.eventId(), () -> sessions.withTransaction(session -> session
                .createNativeQuery(UPSERT)
                .setParameter("id", update.eventId())
                .setParameter("cameraId", update.cameraId())
                .setParameter("start", update.start())
                .setParameter("end", update.end())
                .setParameter("recordingEnd", update.recordingEnd())
                .setParameter("reason", update.reason().wireName())
                .setParameter("label", update.label())
                .setParameter("score", update.score())
                .setParameter("boxX", update.box() == null ? null : update.box().x())
                .setParameter("boxY", update.box() == null ? null : update.box().y())
                .setParameter("boxWidth", update.box() == null ? null : update.box().width())
                .setParameter("boxHeight", update.box() == null ? null : update.box().height())
                .setParameter("now", now)
                .executeUpdate()));
        return rows != null && rows > 0;
    }
}
