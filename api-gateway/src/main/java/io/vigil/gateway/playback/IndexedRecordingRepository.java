package io.vigil.gateway.playback;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.recording.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class IndexedRecordingRepository implements PanacheRepositoryBase<IndexedRecording, Long> {

    /** The camera's recordings overlapping the range, by start, with their indexes (index recording_camera_time). */
    Uni<List<IndexedRecording>> overlapping(String cameraId, TimeRange range) {
        return find("cameraId = ?1 and startTime < ?3 and endTime > ?2 and deletingSince is null",
                Sort.by("startTime").and("id"), cameraId, range.from(), range.to()).list();
    }
}
