package io.vigil.indexer.gaps;

import io.smallrye.mutiny.Uni;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.indexer.catalog.CatalogCalls;
import io.vigil.indexer.catalog.CatalogException;
import io.vigil.indexer.catalog.SessionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code gap} table as gap detection writes it, and the recordings next to one. All of one
 * detection runs in one transaction, so it sees and leaves a consistent picture.
 */
@ApplicationScoped
public class GapCatalog {

    /** What one detection changed. */
    record Outcome(List<Gap> inserted, int retracted) {
    }

    private static final String COLUMNS = """
            path, (extract(epoch from start_time) * 1000000)::bigint, (extract(epoch from end_time) * 1000000)::bigint,
            session_id, first_sequence, last_sequence, reason, event_id, session_cause, previous_failure, ingest_instance
            """;

    /**
     * The recording before: of those that started earlier, the latest to start (recordings of one
     * camera follow each other, so it is the one that ended last; one overlapping a little, as
     * sessions' anchors may, leaves no hole). Rows being deleted are gone already.
     */
    private static final String BEFORE = "select " + COLUMNS + """
            from recording where camera_id = :camera and start_time < :start and path <> :path and deleting_since is null
            order by start_time desc limit 1
            """;

    private static final String AFTER = "select " + COLUMNS + """
            from recording where camera_id = :camera and start_time > :start and path <> :path and deleting_since is null
            order by start_time asc limit 1
            """;

    /**
     * A recording that turned up inside a gap this detection wrote (it arrived late, after its
     * neighbours) shows the gap was not one: it goes, and the holes on either side are judged anew.
     */
    private static final String RETRACT = """
            delete from gap where camera_id = :camera and start_time < :end and end_time > :start and cause in (%s)
            """.formatted(GapCause.sqlList());

    /** A gap is identified by where it starts: seen again, or already written by another writer (storage_full), it stays as it is. */
    private static final String INSERT = """
            insert into gap (camera_id, start_time, end_time, cause, detail, created_at)
            values (:camera, :start, :end, :cause, :detail, :now)
            on conflict (camera_id, start_time) do nothing
            """;

    private final Mutiny.SessionFactory sessions;

    GapCatalog(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Judges the holes on either side of {@code recording} (already catalogued) and writes the gaps among them. */
    Outcome around(Neighbour recording, GapClassifier classifier, Instant now) throws CatalogException {
        return CatalogCalls.await("cannot write the gaps around " + recording.path(), () -> sessions.withTransaction(session ->
                session.createNativeQuery(RETRACT)
                        .setParameter("camera", recording.cameraId())
                        .setParameter("start", recording.start())
                        .setParameter("end", recording.end())
                        .executeUpdate()
                        .chain(retracted -> neighbour(session, BEFORE, recording)
                                .chain(before -> neighbour(session, AFTER, recording)
                                        .chain(after -> {
                                            List<Gap> gaps = new ArrayList<>();
                                            before.flatMap(b -> classifier.between(b, recording)).ifPresent(gaps::add);
                                            after.flatMap(a -> classifier.between(recording, a)).ifPresent(gaps::add);
                                            return insert(session, gaps, 0, new ArrayList<>(), now);
                                        })
                                        .map(inserted -> new Outcome(inserted, retracted == null ? 0 : retracted))))));
    }

    private static Uni<Optional<Neighbour>> neighbour(Mutiny.Session session, String query, Neighbour recording) {
        return session.createNativeQuery(query, Object[].class)
                .setParameter("camera", recording.cameraId())
                .setParameter("start", recording.start())
                .setParameter("path", recording.path())
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(row -> row(recording.cameraId(), row)));
    }

    /** One after the other, in the same transaction; collects the ones actually inserted. */
    private static Uni<List<Gap>> insert(Mutiny.Session session, List<Gap> gaps, int index, List<Gap> inserted, Instant now) {
        if (index == gaps.size()) {
            return Uni.createFrom().item(inserted);
        }
        Gap gap = gaps.get(index);
        return session.createNativeQuery(INSERT)
                .setParameter("camera", gap.cameraId())
                .setParameter("start", gap.start())
                .setParameter("end", gap.end())
                .setParameter("cause", gap.cause().wireName())
                .setParameter("detail", gap.detail())
                .setParameter("now", now)
                .executeUpdate()
                .chain(rows -> {
                    if (rows != null && rows > 0) {
                        inserted.add(gap);
                    }
                    return insert(session, gaps, index + 1, inserted, now);
                });
    }

    private static Neighbour row(String cameraId, Object[] row) {
        return new Neighbour(cameraId, (String) row[0], micros(row[1]), micros(row[2]), (String) row[3],
                number(row[4]), number(row[5]), reason((String) row[6]), (String) row[7],
                new SessionOrigin(SessionCause.fromWire((String) row[8]), (String) row[9], (String) row[10]));
    }

    private static Instant micros(Object value) {
        long micros = ((Number) value).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static RecordingReason reason(String value) {
        try {
            return RecordingReason.fromWire(value);
        } catch (IllegalArgumentException e) {
            return RecordingReason.CONTINUOUS;
        }
    }
}
