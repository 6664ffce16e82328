package io.vigil.ingest.motion;

import io.vigil.contracts.Region;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The hysteresis alone, on keyframes a second apart (a 1 s GOP). */
class MotionGateTest {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Region SMALL = new Region(0.1, 0.1, 0.1, 0.1);
    private static final Region LARGE = new Region(0.2, 0.2, 0.5, 0.5);

    private final MotionGate gate = new MotionGate(Duration.ofSeconds(1), Duration.ofSeconds(3));

    @Test
    void startsOnceAboveForTheConfirmTimeReportedAtTheFirstFrameAbove() {
        assertThat(gate.frame(at(0), true, 0.02, SMALL)).isEmpty();
        assertThat(gate.moving()).isFalse();

        Optional<MotionChange> started = gate.frame(at(1), true, 0.05, LARGE);

        assertThat(started).contains(new MotionChange.Started(at(0), 0.05, LARGE));
        assertThat(gate.moving()).isTrue();
    }

    @Test
    void aFrameBelowResetsTheConfirmation() {
        gate.frame(at(0), true, 0.02, SMALL);
        gate.frame(at(1), false, 0.001, SMALL);

        assertThat(gate.frame(at(2), true, 0.03, SMALL)).isEmpty();
        assertThat(gate.frame(at(3), true, 0.02, SMALL)).contains(new MotionChange.Started(at(2), 0.03, SMALL));
    }

    @Test
    void withoutConfirmationOneFrameStartsIt() {
        MotionGate quick = new MotionGate(Duration.ZERO, Duration.ZERO);

        assertThat(quick.frame(at(0), true, 0.02, SMALL)).contains(new MotionChange.Started(at(0), 0.02, SMALL));
        assertThat(quick.frame(at(1), false, 0, null)).contains(new MotionChange.Ended(at(1), 0.02, SMALL));
    }

    @Test
    void endsOnceBelowForTheQuietTimeReportedAtTheFirstFrameBelowWithThePeak() {
        gate.frame(at(0), true, 0.02, SMALL);
        gate.frame(at(1), true, 0.03, SMALL);
        gate.frame(at(2), true, 0.09, LARGE);
        gate.frame(at(3), true, 0.04, SMALL);

        assertThat(gate.frame(at(4), false, 0.001, SMALL)).isEmpty();
        assertThat(gate.frame(at(5), false, 0, null)).isEmpty();
        assertThat(gate.frame(at(6), false, 0, null)).isEmpty();
        assertThat(gate.moving()).isTrue();

        assertThat(gate.frame(at(7), false, 0, null)).contains(new MotionChange.Ended(at(4), 0.09, LARGE));
        assertThat(gate.moving()).isFalse();
    }

    @Test
    void aFrameAboveDuringTheQuietTimeKeepsItGoing() {
        gate.frame(at(0), true, 0.02, SMALL);
        gate.frame(at(1), true, 0.02, SMALL);
        gate.frame(at(2), false, 0, null);
        gate.frame(at(3), false, 0, null);
        gate.frame(at(4), true, 0.02, SMALL);
        gate.frame(at(5), false, 0, null);
        gate.frame(at(6), false, 0, null);
        gate.frame(at(7), false, 0, null);

        assertThat(gate.frame(at(8), false, 0, null)).contains(new MotionChange.Ended(at(5), 0.02, SMALL));
    }

    @Test
    void theNextMotionStartsAfresh() {
        MotionGate quick = new MotionGate(Duration.ZERO, Duration.ZERO);
        quick.frame(at(0), true, 0.5, LARGE);
        quick.frame(at(1), false, 0, null);

        assertThat(quick.frame(at(2), true, 0.02, SMALL)).contains(new MotionChange.Started(at(2), 0.02, SMALL));
        assertThat(quick.frame(at(3), false, 0, null)).contains(new MotionChange.Ended(at(3), 0.02, SMALL));
    }

    @Test
    void stoppingEndsRunningMotionNowAndForgetsAPendingStart() {
        gate.frame(at(0), true, 0.02, SMALL);
        gate.frame(at(1), true, 0.04, LARGE);

        assertThat(gate.stop(at(2))).contains(new MotionChange.Ended(at(2), 0.04, LARGE));
        assertThat(gate.moving()).isFalse();

        gate.frame(at(3), true, 0.02, SMALL);
        assertThat(gate.stop(at(4))).isEmpty();
        assertThat(gate.frame(at(5), true, 0.02, SMALL)).as("the wait started again").isEmpty();
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
