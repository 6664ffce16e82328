package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, Long> {

    /**
     * The columns {@link Recording} maps, for native queries: never {@code fragment_index}, which is some
     * KB a row and not part of the entity. A field added to the entity must be added here too.
     */
    static final String COLUMNS = "r.id, r.camera_id, r.path, r.start_time, r.end_time, r.duration_ms, r.bytes, r.codec,"
            + " r.width, r.height, r.fps, r.session_id, r.first_sequence, r.last_sequence, r.piece_count, r.reason,"
            + " r.event_id, r.retention_locked, r.deleting_since";

    /**
     * Recordings of the camera that overlap [from, to), by start: the index range of
     * recording_camera_time between from minus the camera's longest recording and to ({@link OverlapBound}).
     */
    static final String OVERLAPPING = "select " + COLUMNS + " from recording r"
            + " where r.camera_id = :camera and r.start_time < :to and r.end_time > :from and r.deleting_since is null"
            + " and " + OverlapBound.startsAfter("recording", "r", ":camera", ":from")
            + " order by r.start_time, r.id";

    /** Recordings of the camera that overlap the range, by start (then id). */
    public Uni<List<Recording>> overlapping(String cameraId, TimeRange range) {
        return getSession().chain(session -> session.createNativeQuery(OVERLAPPING, Recording.class)
                .setParameter("camera", cameraId)
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .getResultList());
    }

    /** Footage outlives a removed camera: its recordings can still be listed. */
    Uni<Boolean> anyOf(String cameraId) {
        return find("cameraId", cameraId).firstResult().map(Objects::nonNull);
    }
}
