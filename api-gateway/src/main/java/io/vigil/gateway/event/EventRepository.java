package io.vigil.gateway.event;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.recording.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Reads events and the recordings that show them: a listing takes two queries, however many events.
 * An event's span is [start, recordingEnd], falling back to its end, or to now while it runs.
 */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {

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
        if (query.reason() != null) {
            where.append(" and reason = :reason");
            parameters.and("reason", query.reason().wireName());
        }
        return find(where.toString(), Sort.by("startTime").and("id"), parameters).range(0, query.limit() - 1).list();
    }

    /**
     * The recordings of each event's camera that overlap the event's span, by start. A recording
     * [start, end) shows the event when it ends after the event starts and starts before the span
     * ends (or at the event's start, for an event of no length).
     */
    Uni<List<EventRecording>> recordingsOf(Collection<String> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String hql = "select new io.vigil.gateway.event.EventRecording(e.id, r.id, r.startTime, r.endTime)"
                + " from Event e join Recording r on r.cameraId = e.cameraId"
                + " where e.id in :ids and r.endTime > e.startTime"
                + " and (r.startTime < " + spanEnd("e.") + " or r.startTime <= e.startTime)"
                + " order by r.startTime, r.id";
        return getSession().chain(session -> session.createSelectionQuery(hql, EventRecording.class)
                .setParameter("ids", eventIds)
                .setParameter("now", now)
                .getResultList());
    }
}
