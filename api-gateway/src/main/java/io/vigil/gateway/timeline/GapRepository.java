package io.vigil.gateway.timeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.recording.OverlapBound;
import io.vigil.gateway.recording.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads the gaps the indexer writes; the gateway never writes them. */
@ApplicationScoped
public class GapRepository implements PanacheRepositoryBase<Gap, Long> {

    /** gap_camera_time, bounded below by the camera's longest gap (gap_camera_length), as recordings are. */
    static final String OVERLAPPING = "select g.id, g.camera_id, g.start_time, g.end_time, g.cause, g.detail from gap g"
            + " where g.camera_id = :camera and g.start_time < :to and g.end_time > :from"
            + " and " + OverlapBound.startsAfter("gap", "g", ":camera", ":from")
            + " order by g.start_time";

    /** Gaps of the camera that overlap [from, to), by start. */
    Uni<List<Gap>> overlapping(String cameraId, TimeRange range) {
        return getSession().chain(session -> session.createNativeQuery(OVERLAPPING, Gap.class)
                .setParameter("camera", cameraId)
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .getResultList());
    }
}
