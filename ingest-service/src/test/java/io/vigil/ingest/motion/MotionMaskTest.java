package io.vigil.ingest.motion;

import io.vigil.contracts.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MotionMaskTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;

    @Test
    void withoutMasksEveryCellCounts() {
        MotionMask mask = MotionMask.of(List.of(), WIDTH, HEIGHT);

        assertThat(mask.visibleCells()).isEqualTo(WIDTH * HEIGHT);
    }

    @Test
    void theTopLeftQuarterHidesExactlyItsCells() {
        MotionMask mask = MotionMask.of(List.of(new Region(0, 0, 0.5, 0.5)), WIDTH, HEIGHT);

        assertThat(mask.visibleCells()).isEqualTo(WIDTH * HEIGHT * 3 / 4);
        assertThat(mask.hidden(cell(0, 0))).isTrue();
        assertThat(mask.hidden(cell(79, 44))).isTrue();
        assertThat(mask.hidden(cell(80, 44))).isFalse();
        assertThat(mask.hidden(cell(79, 45))).isFalse();
    }

    @Test
    void aCellIsHiddenWhenItsCentreIsInTheMask() {
        // x from 0.1 to 0.2 of 160 cells: 16 to 32; the centres 16.5 .. 31.5 are inside
        MotionMask mask = MotionMask.of(List.of(new Region(0.1, 0, 0.1, 1)), WIDTH, HEIGHT);

        assertThat(mask.visibleCells()).isEqualTo((WIDTH - 16) * HEIGHT);
        assertThat(mask.hidden(cell(15, 0))).isFalse();
        assertThat(mask.hidden(cell(16, 0))).isTrue();
        assertThat(mask.hidden(cell(31, 89))).isTrue();
        assertThat(mask.hidden(cell(32, 89))).isFalse();
    }

    @Test
    void overlappingMasksHideEachCellOnce() {
        MotionMask mask = MotionMask.of(List.of(new Region(0, 0, 0.5, 1), new Region(0.25, 0, 0.5, 1)), WIDTH, HEIGHT);

        assertThat(mask.visibleCells()).isEqualTo(WIDTH / 4 * HEIGHT);
    }

    @Test
    void aMaskReachingOutOfThePictureIsClippedAndOneWithoutAreaHidesNothing() {
        MotionMask clipped = MotionMask.of(List.of(new Region(-0.5, -0.5, 1, 1)), WIDTH, HEIGHT);
        assertThat(clipped.visibleCells()).isEqualTo(WIDTH * HEIGHT * 3 / 4);

        MotionMask everything = MotionMask.of(List.of(new Region(-1, -1, 3, 3)), WIDTH, HEIGHT);
        assertThat(everything.visibleCells()).isZero();

        MotionMask nothing = MotionMask.of(List.of(new Region(0.5, 0.5, 0, 0.2), new Region(Double.NaN, 0, 0.5, 0.5),
                new Region(0.2, 0.2, -0.1, 0.1), new Region(0.9, 0.9, 0.001, 0.001)), WIDTH, HEIGHT);
        assertThat(nothing.visibleCells()).isEqualTo(WIDTH * HEIGHT);
    }

    private static int cell(int x, int y) {
        return y * WIDTH + x;
    }
}
