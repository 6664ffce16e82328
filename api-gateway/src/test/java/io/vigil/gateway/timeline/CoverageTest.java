package io.vigil.gateway.timeline;

import io.vigil.gateway.recording.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    private static final TimeRange HOUR = new TimeRange(at("10:00:00"), at("11:00:00"));
    private static final Duration TOLERANCE = Coverage.MERGE_TOLERANCE;

    @Test
    void touchingRecordingsAreOneStretch() {
        assertThat(Coverage.merge(List.of(span("10:00:00", "10:15:00"), span("10:15:00", "10:30:00")), HOUR, TOLERANCE))
                .containsExactly(span("10:00:00", "10:30:00"));
    }

    @Test
    void aShortBreakWithinTheToleranceIsJoinedALongerOneIsNot() {
        assertThat(Coverage.merge(List.of(span("10:00:00", "10:10:00"), span("10:10:01.500", "10:20:00"),
                span("10:20:01.501", "10:30:00")), HOUR, TOLERANCE))
                .containsExactly(span("10:00:00", "10:20:00"), span("10:20:01.501", "10:30:00"));
    }

    @Test
    void overlappingAndContainedRecordingsMergeInAnyOrder() {
        assertThat(Coverage.merge(List.of(span("10:20:00", "10:25:00"), span("10:05:00", "10:30:00"),
                span("10:10:00", "10:12:00"), span("10:40:00", "10:45:00")), HOUR, TOLERANCE))
                .containsExactly(span("10:05:00", "10:30:00"), span("10:40:00", "10:45:00"));
    }

    @Test
    void clippedToTheRange() {
        assertThat(Coverage.merge(List.of(span("09:50:00", "10:05:00"), span("10:55:00", "11:10:00")), HOUR, TOLERANCE))
                .containsExactly(span("10:00:00", "10:05:00"), span("10:55:00", "11:00:00"));
    }

    @Test
    void clippingHappensBeforeJoining() {
        // both end within the tolerance of the range's start, but only what lies inside the range counts
        assertThat(Coverage.merge(List.of(span("09:00:00", "09:59:59.500"), span("10:00:01", "10:10:00")), HOUR, TOLERANCE))
                .containsExactly(span("10:00:01", "10:10:00"));
    }

    @Test
    void recordingsOfNoLengthOrOutsideAreLeftOut() {
        assertThat(Coverage.merge(List.of(span("10:30:00", "10:30:00"), span("11:00:00", "11:10:00"),
                span("09:00:00", "10:00:00")), HOUR, TOLERANCE)).isEmpty();
        assertThat(Coverage.merge(List.of(), HOUR, TOLERANCE)).isEmpty();
    }

    @Test
    void withoutToleranceOnlyTouchingOnesJoin() {
        List<Span> merged = Coverage.merge(List.of(span("10:00:00", "10:10:00"), span("10:10:00", "10:20:00"),
                span("10:20:01", "10:30:00")), HOUR, Duration.ZERO);
        assertThat(merged).containsExactly(span("10:00:00", "10:20:00"), span("10:20:01", "10:30:00"));
        assertThat(Coverage.seconds(merged)).isEqualTo(1799.0);
    }

    @Test
    void secondsCountOverlapsOnce() {
        assertThat(Coverage.seconds(Coverage.merge(List.of(span("10:00:00", "10:10:00"), span("10:05:00", "10:10:00.250")),
                HOUR, Duration.ZERO))).isEqualTo(600.25);
    }

    private static Span span(String start, String end) {
        return new Span(at(start), at(end));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-02T" + time + "Z");
    }
}
