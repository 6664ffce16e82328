package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, Long> {

    /** Recordings of the camera that overlap the range, by start (index recording_camera_time). */
    Uni<List<Recording>> overlapping(String cameraId, TimeRange range) {
        return find("cameraId = ?1 and startTime < ?3 and endTime > ?2", Sort.by("startTime").and("id"),
                cameraId, range.from(), range.to()).list();
    }

    /** Footage outlives a removed camera: its recordings can still be listed. */
    Uni<Boolean> anyOf(String cameraId) {
        return find("cameraId", cameraId).firstResult().map(Objects::nonNull);
    }
}
