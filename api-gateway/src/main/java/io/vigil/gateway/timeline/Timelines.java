package io.vigil.gateway.timeline;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.event.EventCatalog;
import io.vigil.gateway.event.EventQuery;
import io.vigil.gateway.recording.KnownCameras;
import io.vigil.gateway.recording.Recording;
import io.vigil.gateway.recording.RecordingRepository;
import io.vigil.gateway.recording.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Builds a camera's timeline from the catalog in one session: its recordings, gaps and events over
 * the range, one query after another (a reactive session runs one at a time), each on its index.
 */
@ApplicationScoped
public class Timelines {

    private final KnownCameras cameras;
    private final RecordingRepository recordings;
    private final GapRepository gaps;
    private final EventCatalog events;

    Timelines(KnownCameras cameras, RecordingRepository recordings, GapRepository gaps, EventCatalog events) {
        this.cameras = cameras;
        this.recordings = recordings;
        this.gaps = gaps;
        this.events = events;
    }

    @WithSession
    public Uni<TimelineView> of(String cameraId, TimeRange range) {
        return cameras.require(cameraId)
                .chain(() -> recordings.overlapping(cameraId, range))
                .chain(files -> gaps.overlapping(cameraId, range)
                        .chain(missing -> events.list(new EventQuery(range, cameraId, null, EventQuery.MAX_LIMIT))
                                .map(happened -> {
                                    List<Span> footage = files.stream().map(Timelines::span).toList();
                                    List<Span> gapSpans = missing.stream().map(gap -> new Span(gap.start(), gap.end())).toList();
                                    return new TimelineView(cameraId, range.from(), range.to(),
                                            Coverage.merge(footage, range, Coverage.MERGE_TOLERANCE),
                                            missing.stream().map(TimelineView.GapView::of).toList(),
                                            happened,
                                            files.size(),
                                            Coverage.seconds(Coverage.merge(footage, range, Duration.ZERO)),
                                            Coverage.seconds(Coverage.merge(gapSpans, range, Duration.ZERO)));
                                })));
    }

    private static Span span(Recording recording) {
        return new Span(recording.start(), recording.end());
    }
}
