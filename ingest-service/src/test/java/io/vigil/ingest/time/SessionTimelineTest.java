package io.vigil.ingest.time;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTimelineTest {

    private static final TimeBase VIDEO = new TimeBase(1, 90_000);
    private static final TimeBase AUDIO = new TimeBase(1, 16_000);
    private static final long FRAME = 3_600; // 40 ms at 90 kHz
    private static final long MS = 1_000_000;
    private static final int V = 0;
    private static final int A = 1;

    private final SessionTimeline timeline = new SessionTimeline(1_000_000);

    @Test
    void theFirstKeyframeIsMediaTimeZero() {
        timeline.start(900_000, VIDEO);

        assertThat(placed(V, 900_000, VIDEO, 0)).isZero();
        assertThat(placed(V, 900_000 + FRAME, VIDEO, 40 * MS)).isEqualTo(FRAME);
    }

    @Test
    void otherStreamsShareTheOriginInTheirOwnTimeBase() {
        timeline.start(900_000, VIDEO); // 10 s

        assertThat(timeline.shift(A, 159_000, AUDIO, 0)).as("before the start").isEmpty();
        assertThat(placed(A, 160_320, AUDIO, 0)).isEqualTo(320); // 10.02 s → 20 ms
    }

    @Test
    void aBackwardJumpBecomesOneOrdinaryStep() {
        timeline.start(0, VIDEO);
        placed(V, 0, VIDEO, 0);
        placed(V, FRAME, VIDEO, 40 * MS);

        assertThat(placed(V, FRAME - 50_000, VIDEO, 80 * MS)).isEqualTo(2 * FRAME);
        assertThat(placed(V, FRAME - 50_000 + FRAME, VIDEO, 120 * MS)).as("the new offset stays").isEqualTo(3 * FRAME);
        assertThat(timeline.discontinuities()).isEqualTo(1);
    }

    @Test
    void aForwardJumpFasterThanTheClockBecomesOneOrdinaryStep() {
        timeline.start(0, VIDEO);
        placed(V, 0, VIDEO, 0);
        placed(V, FRAME, VIDEO, 40 * MS);

        // 5 s later in media time, 40 ms later in arrival time: an RTCP rebase, not lost frames
        assertThat(placed(V, FRAME + 450_000, VIDEO, 80 * MS)).isEqualTo(2 * FRAME);
        assertThat(timeline.discontinuities()).isEqualTo(1);
    }

    @Test
    void aGapThatTheClockSawTooIsKept() {
        timeline.start(0, VIDEO);
        placed(V, 0, VIDEO, 0);
        placed(V, FRAME, VIDEO, 40 * MS);

        // the camera dropped 3 s of frames and 3 s passed: the gap is real
        assertThat(placed(V, FRAME + 270_000, VIDEO, 3_040 * MS)).isEqualTo(FRAME + 270_000);
        assertThat(timeline.discontinuities()).isZero();
    }

    @Test
    void shiftingBeforeTheStartIsABug() {
        assertThatThrownBy(() -> timeline.shift(V, 0, VIDEO, 0)).isInstanceOf(IllegalStateException.class);
    }

    /** The packet's dts on the session timeline. */
    private long placed(int stream, long dts, TimeBase timeBase, long arrivalNanos) {
        OptionalLong shift = timeline.shift(stream, dts, timeBase, arrivalNanos);
        assertThat(shift).isPresent();
        return dts + shift.getAsLong();
    }
}
