package io.vigil.ingest.motion;

import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** From pictures to a score: thresholds, background and change score, on small made-up pictures. */
class MotionScoringTest {

    private static final int WIDTH = 20;
    private static final int HEIGHT = 10;

    @Test
    void sensitivityMapsToALumaChangeFromCoarseToFaint() {
        assertThat(MotionThresholds.lumaChange(1)).isEqualTo(100);
        assertThat(MotionThresholds.lumaChange(50)).isEqualTo(20);
        assertThat(MotionThresholds.lumaChange(100)).isEqualTo(4);
        for (int sensitivity = 2; sensitivity <= 100; sensitivity++) {
            assertThat(MotionThresholds.lumaChange(sensitivity)).isLessThanOrEqualTo(MotionThresholds.lumaChange(sensitivity - 1));
        }
    }

    @Test
    void settingsOutOfRangeAreClampedNotRefused() {
        assertThat(MotionThresholds.lumaChange(0)).isEqualTo(100);
        assertThat(MotionThresholds.lumaChange(500)).isEqualTo(4);
        assertThat(MotionThresholds.of(MotionSettings.DEFAULT)).isEqualTo(new MotionThresholds(20, 0.01));
        assertThat(MotionThresholds.minShare(0)).isEqualTo(0.001);
        assertThat(MotionThresholds.minShare(250)).isEqualTo(1.0);
        assertThat(MotionThresholds.minShare(Double.NaN)).isEqualTo(0.01);
    }

    @Test
    void theScoreIsTheChangedShareOfTheVisibleCellsAndTheBoxHoldsThem() {
        boolean[] changed = new boolean[WIDTH * HEIGHT];
        changed[cell(10, 5)] = true;
        changed[cell(19, 9)] = true;
        changed[cell(12, 7)] = true;

        ChangeScore score = ChangeScore.of(changed, MotionMask.of(List.of(), WIDTH, HEIGHT), WIDTH, HEIGHT);

        assertThat(score.share()).isCloseTo(3.0 / 200, within(1e-12));
        assertThat(score.box()).isEqualTo(new Region(0.5, 0.5, 0.5, 0.5));
    }

    @Test
    void masksHideChangesAndShrinkTheDenominator() {
        boolean[] changed = new boolean[WIDTH * HEIGHT];
        changed[cell(0, 0)] = true;
        changed[cell(15, 8)] = true;
        MotionMask leftHalf = MotionMask.of(List.of(new Region(0, 0, 0.5, 1)), WIDTH, HEIGHT);

        ChangeScore score = ChangeScore.of(changed, leftHalf, WIDTH, HEIGHT);

        assertThat(score.share()).isCloseTo(1.0 / 100, within(1e-12));
        assertThat(score.box()).isEqualTo(new Region(0.75, 0.8, 0.05, 0.1));

        MotionMask all = MotionMask.of(List.of(new Region(0, 0, 1, 1)), WIDTH, HEIGHT);
        assertThat(ChangeScore.of(changed, all, WIDTH, HEIGHT)).isEqualTo(ChangeScore.NONE);
    }

    @Test
    void theBackgroundTakesOverWhatMovedAtOnceAndBlendsTheRest() {
        BackgroundModel background = new BackgroundModel(WIDTH * HEIGHT);
        boolean[] changed = new boolean[WIDTH * HEIGHT];
        byte[] scene = picture(100);
        assertThat(background.learned()).isFalse();
        background.learn(scene, changed);
        assertThat(background.learned()).isTrue();

        // an object appears (+80) and the light creeps up (+10) elsewhere
        byte[] withObject = picture(110);
        withObject[cell(3, 3)] = (byte) 180;
        assertThat(background.compare(withObject, 20, changed)).isEqualTo(1);
        assertThat(changed[cell(3, 3)]).isTrue();
        background.learn(withObject, changed);

        // the object stays: already part of the background, nothing changes any more
        assertThat(background.compare(withObject, 20, changed)).isZero();
        // the light went half the way (105 learned): 15 more is no change at 20, but is at 10
        byte[] brighter = picture(120);
        brighter[cell(3, 3)] = (byte) 180;
        assertThat(background.compare(brighter, 20, changed)).isZero();
        assertThat(background.compare(brighter, 10, changed)).isEqualTo(WIDTH * HEIGHT - 1);
    }

    @Test
    void aForgottenBackgroundLearnsTheNextFrameAfresh() {
        BackgroundModel background = new BackgroundModel(WIDTH * HEIGHT);
        boolean[] changed = new boolean[WIDTH * HEIGHT];
        background.learn(picture(10), changed);
        background.forget();

        background.learn(picture(200), changed);

        assertThat(background.compare(picture(200), 4, changed)).isZero();
    }

    private static byte[] picture(int luma) {
        byte[] picture = new byte[WIDTH * HEIGHT];
        Arrays.fill(picture, (byte) luma);
        return picture;
    }

    private static int cell(int x, int y) {
        return y * WIDTH + x;
    }
}
