package io.vigil.gateway.event;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Events with their recordings, in three queries whatever their number: the events, the longest recording of their cameras, then all their recordings. */
@ApplicationScoped
public class EventCatalog {

    /** Ids worth repeating in a 404; anything else may be junk from the path. */
    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final EventRepository events;

    EventCatalog(EventRepository events) {
        this.events = events;
    }

    @WithSession
    public Uni<List<EventView>> list(EventQuery query) {
        Instant now = Instant.now();
        return events.overlapping(query, now).chain(rows -> withRecordings(rows, now));
    }

    @WithSession
    public Uni<EventView> get(String id) {
        if (id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            // longer than any event id, or a string PostgreSQL refuses with an error (a NUL) rather than a miss
            return Uni.createFrom().failure(ProblemException.notFound("no such event"));
        }
        Instant now = Instant.now();
        return events.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        PRINTABLE_ID.matcher(id).matches() ? "no event " + id : "no such event"))
                .chain(event -> withRecordings(List.of(event), now))
                .map(views -> views.get(0));
    }

    private Uni<List<EventView>> withRecordings(List<Event> rows, Instant now) {
        Map<String, Event> byId = new LinkedHashMap<>();
        rows.forEach(event -> byId.put(event.id(), event));
        return events.recordingsOf(byId.values(), now).map(recordings -> {
            Map<String, List<EventView.Recording>> shown = recordings.stream().collect(Collectors.groupingBy(
                    EventRecording::eventId, Collectors.mapping(EventView.Recording::of, Collectors.toList())));
            return rows.stream().map(event -> EventView.of(event, shown.getOrDefault(event.id(), List.of()))).toList();
        });
    }
}
