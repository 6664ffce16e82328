package io.vigil.gateway.timeline;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.recording.KnownCameras;
import io.vigil.gateway.recording.OverlapBound;
import io.vigil.gateway.recording.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The days of a month on which a camera has footage: one statement with one EXISTS probe per day on
 * recording_camera_time (bounded like every overlap query, {@link OverlapBound}), so it costs about 30
 * index probes however many recordings the month holds. The days' boundaries are computed here, from
 * Java's zone rules, and sent as parameters: PostgreSQL's zone names need not match Java's.
 */
@ApplicationScoped
public class RecordingDates {

    /** One statement text per month length (28 to 31 days). */
    private static final Map<Integer, String> SQL = new ConcurrentHashMap<>();

    private final KnownCameras cameras;
    private final RecordingRepository recordings;

    RecordingDates(KnownCameras cameras, RecordingRepository recordings) {
        this.cameras = cameras;
        this.recordings = recordings;
    }

    @WithSession
    public Uni<List<LocalDate>> of(String cameraId, CalendarMonth month) {
        List<LocalDate> days = month.days();
        List<Instant> boundaries = month.boundaries();
        return cameras.require(cameraId).chain(() -> recordings.getSession().chain(session -> {
            var query = session.createNativeQuery(sql(days.size()), Integer.class).setParameter("camera", cameraId);
            for (int i = 0; i < boundaries.size(); i++) {
                query.setParameter("b" + i, boundaries.get(i));
            }
            return query.getResultList();
        })).map(found -> found.stream().map(days::get).toList());
    }

    /**
     * {@code select d.n from (values (0, :b0, :b1), (1, :b1, :b2), ...) d(n, day_start, day_end) where exists
     * (a live recording of the camera overlapping [day_start, day_end))}: the numbers of the days with footage.
     */
    static String sql(int days) {
        return SQL.computeIfAbsent(days, n -> {
            String values = IntStream.range(0, n)
                    .mapToObj(i -> "(" + i + ", cast(:b" + i + " as timestamptz), cast(:b" + (i + 1) + " as timestamptz))")
                    .collect(Collectors.joining(", "));
            return "select d.n from (values " + values + ") d(n, day_start, day_end)"
                    + " where exists (select 1 from recording r where r.camera_id = :camera"
                    + " and r.start_time < d.day_end and r.end_time > d.day_start and r.deleting_since is null"
                    + " and " + OverlapBound.startsAfter("recording", "r", ":camera", "d.day_start") + ")"
                    + " order by d.n";
        });
    }

}
