package io.vigil.gateway.event;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.recording.OverlapBound;
import io.vigil.gateway.recording.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads events and the recordings that show them: a listing takes three queries, however many events.
 * An event's span is [start, recordingEnd], falling back to its end, or to now while it runs.
 */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {

    /** The longest recording of any of the events' cameras, in seconds; null when they have none. */
    private static final String LONGEST_OF_EVENT_CAMERAS = "select max(" + OverlapBound.longestSeconds("recording", "c.camera_id") + ")"
            + " from (select distinct e.camera_id from event e where e.id in (:ids)) c";

    /** The span's end, in HQL, for an event aliased {@code e} (or unaliased when prefix is empty). */
    private static String spanEnd(String prefix) {
        return "coalesce(" + prefix + "recordingEnd, " + prefix + "endTime, :now)";
    }

    /** Events whose span overlaps [from, to), oldest first (start, then id), at most limit of them. */
    Uni<List<Event>> overlapping(EventQuery query, Instant now) {
        TimeRange range = query.range();
        StringBuilder where = new StringBuilder("startTime < :to and " + spanEnd("") + " >= :from");
        Parameters parameters = Parameters.with("from", range.from()).and("to", range.to()).and("now", now);
        if (query.cameraId() != null) {
            where.append(" and cameraId = :camera");
            parameters.and("camera", query.cameraId());
        }
        if (query.visibleCameras() != null) {
            where.append(" and cameraId in :visible");
            parameters.and("visible", query.visibleCameras().isEmpty() ? java.util.Set.of("") : query.visibleCameras());
        }
        if (query.reason() != null) {
            where.append(" and reason = :reason");
            parameters.and("reason", query.reason().wireName());
        }
        return find(where.toString(), Sort.by("startTime").and("id"), parameters).range(0, query.limit() - 1).list();
    }

    /**
     * The recordings of each event's camera that overlap the event's span, by start. A recording
     * [start, end) shows the event when it ends after the event starts and starts before the span
     * ends (or at the event's start, for an event of no length). The scan of each event's camera is
     * bounded to [earliest event start - the cameras' longest recording, the span's end]
     * ({@link OverlapBound}): without a lower bound it reads every recording of the camera.
     */
    Uni<List<EventRecording>> recordingsOf(Collection<Event> events, Instant now) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = events.stream().map(Event::id).toList();
        Instant earliest = events.stream().map(Event::start).min(Comparator.naturalOrder()).orElseThrow();
        String hql = "select new io.vigil.gateway.event.EventRecording(e.id, r.id, r.startTime, r.endTime)"
                + " from Event e join Recording r on r.cameraId = e.cameraId"
                + " where e.id in :ids and r.endTime > e.startTime and r.deletingSince is null"
                + " and (r.startTime < " + spanEnd("e.") + " or r.startTime <= e.startTime)"
                + " and r.startTime >= :floor and r.startTime <= greatest(" + spanEnd("e.") + ", e.startTime)"
                + " order by r.startTime, r.id";
        return getSession().chain(session -> session.createNativeQuery(LONGEST_OF_EVENT_CAMERAS, Double.class)
                .setParameter("ids", ids)
                .getSingleResultOrNull()
                .chain(longest -> longest == null ? Uni.createFrom().item(List.<EventRecording>of())
                        : session.createSelectionQuery(hql, EventRecording.class)
                                .setParameter("ids", ids)
                                .setParameter("now", now)
                                .setParameter("floor", earliest.minusNanos(Math.round(longest * 1e9)))
                                .getResultList()));
    }
}
