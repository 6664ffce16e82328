package io.vigil.gateway.timeline;

import io.vigil.gateway.recording.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns recordings into the stretches of a range that have footage: each clipped to the range, and
 * joined when one begins within {@code tolerance} of where the ones before it end. Consecutive files of
 * a session touch exactly; a reconnect leaves a second or so, which a timeline should show as one bar
 * (the gap table says where footage is really missing).
 */
final class Coverage {

    /** Closer than this, two recordings are one stretch: a rotation or a quick reconnect, not a gap worth a mark. */
    static final Duration MERGE_TOLERANCE = Duration.ofMillis(1500);

    private Coverage() {
    }

    /** The merged stretches, by start; spans in any order, those of no length within the range left out. */
    static List<Span> merge(List<Span> spans, TimeRange range, Duration tolerance) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::start).thenComparing(Span::end));
        List<Span> merged = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Span span : sorted) {
            Instant from = max(span.start(), range.from());
            Instant to = min(span.end(), range.to());
            if (!from.isBefore(to)) {
                continue;
            }
            if (end != null && !from.isAfter(end.plus(tolerance))) {
                end = max(end, to);
                continue;
            }
            if (end != null) {
                merged.add(new Span(start, end));
            }
            start = from;
            end = to;
        }
        if (end != null) {
            merged.add(new Span(start, end));
        }
        return merged;
    }

    /** Seconds (to the millisecond) covered by spans that do not overlap each other. */
    static double seconds(List<Span> disjoint) {
        return disjoint.stream().mapToLong(span -> span.length().toMillis()).sum() / 1000.0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
