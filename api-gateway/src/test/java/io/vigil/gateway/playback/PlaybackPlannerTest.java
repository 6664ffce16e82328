package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.gateway.recording.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vigil.gateway.playback.Footages.footage;
import static org.assertj.core.api.Assertions.assertThat;

class PlaybackPlannerTest {

    private static final Footage A = footage(1, "2026-01-01T10:00:00Z", "s1", 10);
    /** The same session, the next file: it starts where A ends. */
    private static final Footage B = footage(2, "2026-01-01T10:00:10Z", "s1", 10);

    @Test
    void startsAtTheFragmentHoldingFromAndEndsWithTheOneHoldingTheLastInstantBeforeTo() {
        PlaybackPlan plan = plan(List.of(A), "10:00:02.500", "10:00:05.200");

        assertThat(plan.fragments()).extracting(f -> f.fragment().startMicros())
                .containsExactly(2_000_000L, 3_000_000L, 4_000_000L, 5_000_000L);
        assertThat(plan.start()).isEqualTo(at("10:00:02"));
        assertThat(plan.end()).isEqualTo(at("10:00:06"));
        assertThat(plan.fragments().get(0).newFile()).isTrue();
        assertThat(plan.fragments()).noneMatch(PlannedFragment::discontinuity);
    }

    @Test
    void boundariesOnFragmentEdgesTakeNoExtraFragment() {
        PlaybackPlan plan = plan(List.of(A), "10:00:02", "10:00:05");

        assertThat(plan.fragments()).extracting(f -> f.fragment().startMicros())
                .containsExactly(2_000_000L, 3_000_000L, 4_000_000L);
    }

    @Test
    void crossesIntoTheNextFileOfTheSameSessionWithoutADiscontinuity() {
        PlaybackPlan plan = plan(List.of(A, B), "10:00:08", "10:00:12");

        assertThat(plan.fragments()).extracting(f -> f.file().recordingId()).containsExactly(1L, 1L, 2L, 2L);
        assertThat(plan.fragments()).extracting(PlannedFragment::newFile).containsExactly(true, false, true, false);
        assertThat(plan.fragments()).noneMatch(PlannedFragment::discontinuity);
        assertThat(plan.fragments().get(2).start()).isEqualTo(at("10:00:10"));
    }

    @Test
    void aNewSessionAGapOrAnotherFormatIsADiscontinuity() {
        Footage nextSession = footage(3, "2026-01-01T10:00:10Z", "s2", 5);
        Footage afterAGap = footage(4, "2026-01-01T10:00:10.500Z", "s1", 5);
        Footage otherFormat = footage(5, "2026-01-01T10:00:10Z", "s1", "hvc1.1.6.L93.B0", 1280, 720, Footages.durations(5, 1_000_000));
        Footage unknownSession = footage(6, "2026-01-01T10:00:10Z", null, 5);

        for (Footage next : List.of(nextSession, afterAGap, otherFormat, unknownSession)) {
            PlaybackPlan plan = plan(List.of(A, next), "10:00:09", "10:00:12");
            assertThat(plan.fragments()).extracting(PlannedFragment::discontinuity).as("recording %d", next.recordingId())
                    .containsExactly(false, true, false);
            assertThat(plan.fragments()).extracting(PlannedFragment::newFile).containsExactly(true, true, false);
        }
    }

    @Test
    void aGapInsideOneFileIsADiscontinuityButRoundingIsNot() {
        // 1 s, then 50 ms missing (rounding), then 1 s, then 2 s missing
        Footage gappy = new Footage(7, "cam/7.mp4", at("10:00:00"), "s1", "avc1.64001f", 1280, 720,
                new FragmentIndex(800, List.of(
                        new Fragment(800, 100, 0, 1_000_000),
                        new Fragment(900, 100, 1_050_000, 1_000_000),
                        new Fragment(1000, 100, 4_050_000, 1_000_000))));

        PlaybackPlan plan = plan(List.of(gappy), "10:00:00", "10:00:10");

        assertThat(plan.fragments()).extracting(PlannedFragment::discontinuity).containsExactly(false, false, true);
        assertThat(plan.fragments()).extracting(PlannedFragment::newFile).containsExactly(true, false, false);
    }

    @Test
    void footageRecordedTwiceIsPlayedOnce() {
        Footage overlapping = footage(8, "2026-01-01T10:00:05Z", "s9", 10);

        PlaybackPlan plan = plan(List.of(A, overlapping), "10:00:08", "10:00:13");

        assertThat(plan.fragments()).extracting(PlannedFragment::start)
                .containsExactly(at("10:00:08"), at("10:00:09"), at("10:00:10"), at("10:00:11"), at("10:00:12"));
        assertThat(plan.fragments()).extracting(f -> f.file().recordingId()).containsExactly(1L, 1L, 8L, 8L, 8L);
        assertThat(plan.fragments().get(2).discontinuity()).isTrue();
    }

    @Test
    void aSpanWithoutFootageHasNoPlan() {
        assertThat(PlaybackPlanner.plan(List.of(A, B), range("10:00:20", "10:00:30"))).isEmpty();
        assertThat(PlaybackPlanner.plan(List.of(A), range("09:59:00", "10:00:00"))).isEmpty();
        assertThat(PlaybackPlanner.plan(List.of(), range("10:00:00", "10:00:30"))).isEmpty();
    }

    private static PlaybackPlan plan(List<Footage> files, String from, String to) {
        return PlaybackPlanner.plan(files, range(from, to)).orElseThrow();
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(at(from), at(to));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-01-01T" + time + "Z");
    }
}
