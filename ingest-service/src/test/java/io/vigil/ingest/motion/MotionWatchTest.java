package io.vigil.ingest.motion;

import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import io.vigil.devstack.Scene;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_make_writable;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;

/**
 * Motion detection on the live test cameras' own H.264 (1280x720, a keyframe every second of stream time),
 * recorded once for all tests: 8 s of each scene, packet for packet as a camera session reads them.
 */
class MotionWatchTest {

    private static final int SECONDS = 8;
    private static final MotionSettings CORNER_MASKED =
            new MotionSettings(true, MotionSettings.DEFAULT_SENSITIVITY, MotionSettings.DEFAULT_MIN_AREA_PERCENT,
                    List.of(new Region(0, 0, 0.5, 0.5)));

    @TempDir
    static Path dir;
    static SceneRecordings scenes;

    @BeforeAll
    static void record() throws Exception {
        scenes = SceneRecordings.record(dir, SECONDS);
    }

    @Test
    void aStillSceneNeverStartsMotion() {
        try (Watched watched = watch(Scene.STILL, MotionSettings.DEFAULT)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.STILL));

            assertThat(viewing.keyframes()).isGreaterThanOrEqualTo(SECONDS - 1);
            // only keyframes are decoded
            assertThat(watched.watch().framesAnalyzed()).isEqualTo(viewing.keyframes());
            assertThat(viewing.changes()).isEmpty();
            assertThat(viewing.scores()).allSatisfy(score -> assertThat(score).isLessThan(0.001));
            assertThat(watched.watch().inMotion()).isFalse();
        }
    }

    @Test
    void aMovingSceneStartsMotionAtItsSecondKeyframeWithABox() {
        try (Watched watched = watch(Scene.MOVING, MotionSettings.DEFAULT)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.MOVING));

            // the first keyframe only teaches the background; the second is the first above, the one 1 s later confirms it
            assertThat(viewing.changes()).hasSize(1);
            Viewing.Seen seen = viewing.changes().get(0);
            assertThat(seen.keyframe()).isEqualTo(viewing.firstKeyframeAfter(2, MotionTuning.DEFAULT.confirm()));
            MotionChange.Started started = (MotionChange.Started) seen.change();
            assertThat(started.at()).isEqualTo(viewing.keyframe(2));
            assertThat(started.score()).isGreaterThan(0.02);
            assertThat(started.box()).isNotNull();
            assertThat(started.box().problem()).isNull();
            assertThat(started.box().width() * started.box().height()).isGreaterThan(0.05);
            assertThat(watched.watch().inMotion()).isTrue();
            assertThat(watched.watch().lastScore()).isGreaterThan(0.02);
        }
    }

    @Test
    void motionInTheCornerIsBoxedInTheTopLeftQuarter() {
        try (Watched watched = watch(Scene.CORNER, MotionSettings.DEFAULT)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.CORNER));

            assertThat(viewing.started()).hasSize(1);
            Region box = ((MotionChange.Started) viewing.started().get(0)).box();
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(0.5);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(0.5);
        }
    }

    @Test
    void aMaskOverTheCornerHidesItsMotion() {
        try (Watched watched = watch(Scene.CORNER, CORNER_MASKED)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.CORNER));

            assertThat(watched.watch().framesAnalyzed()).isGreaterThanOrEqualTo(SECONDS - 1);
            assertThat(viewing.changes()).isEmpty();
            assertThat(viewing.scores()).allSatisfy(score -> assertThat(score).isZero());
        }
    }

    @Test
    void motionEndsAtTheFirstQuietKeyframeOnceItWasQuietForThreeSeconds() {
        try (Watched watched = watch(Scene.MOVING, MotionSettings.DEFAULT)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.MOVING));
            int moving = viewing.keyframes();
            viewing.play(scenes.file(Scene.STILL));

            assertThat(viewing.changes()).hasSize(2);
            MotionChange.Started started = (MotionChange.Started) viewing.changes().get(0).change();
            Viewing.Seen seen = viewing.changes().get(1);
            MotionChange.Ended ended = (MotionChange.Ended) seen.change();
            // the first still keyframe differs from the ball's last picture; the second matches the background again
            int firstQuiet = moving + 2;
            assertThat(ended.at()).isEqualTo(viewing.keyframe(firstQuiet));
            assertThat(seen.keyframe()).isEqualTo(viewing.firstKeyframeAfter(firstQuiet, MotionTuning.DEFAULT.quiet()));
            assertThat(ended.peakScore()).isGreaterThanOrEqualTo(started.score());
            assertThat(ended.box()).isNotNull();
            assertThat(watched.watch().inMotion()).isFalse();
            assertThat(watched.watch().lastScore()).isZero();
        }
    }

    @Test
    void settingsUpdatesApplyFromTheNextKeyframeEvenOutOfRange() {
        MotionSettings tooLarge = new MotionSettings(true, MotionSettings.DEFAULT_SENSITIVITY, 10, List.of());
        try (Watched watched = watch(Scene.CORNER, tooLarge)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.CORNER), 4);
            assertThat(viewing.changes()).as("the corner is about 4 %% of the picture, below 10 %%").isEmpty();

            watched.watch().update(MotionSettings.DEFAULT);
            viewing.play(scenes.file(Scene.CORNER), 4);
            assertThat(viewing.started()).hasSize(1);

            // out of range everywhere: sensitivity 0, area 250 %, a mask reaching out of the picture (clipped: the corner)
            watched.watch().update(new MotionSettings(true, 0, 250, List.of(new Region(-0.5, -0.5, 1.0, 1.0))));
            viewing.play(scenes.file(Scene.CORNER));
            assertThat(viewing.scores().subList(8, viewing.keyframes())).allSatisfy(score -> assertThat(score).isZero());
            assertThat(viewing.ended()).hasSize(1);
            assertThat(viewing.ended().get(0).at()).isEqualTo(viewing.keyframe(9));
        }
    }

    @Test
    void switchingDetectionOffEndsMotionAtOnceAndStopsDecoding() {
        try (Watched watched = watch(Scene.MOVING, MotionSettings.DEFAULT)) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.MOVING), 4);
            assertThat(watched.watch().inMotion()).isTrue();
            long analysed = watched.watch().framesAnalyzed();

            watched.watch().update(new MotionSettings(false, 50, 1.0, List.of()));
            viewing.play(scenes.file(Scene.MOVING));

            assertThat(viewing.ended()).hasSize(1);
            assertThat(viewing.changes().get(1).keyframe()).isEqualTo(5);
            assertThat(viewing.ended().get(0).at()).isEqualTo(viewing.keyframe(5));
            assertThat(watched.watch().framesAnalyzed()).isEqualTo(analysed);
            assertThat(watched.watch().inMotion()).isFalse();
        }
    }

    @Test
    void aWatchOpenedSwitchedOffNeverDecodes() {
        try (Watched watched = watch(Scene.MOVING, new MotionSettings(false, 50, 1.0, List.of()))) {
            Viewing viewing = watched.viewing().play(scenes.file(Scene.MOVING));

            assertThat(viewing.changes()).isEmpty();
            assertThat(watched.watch().framesAnalyzed()).isZero();
        }
    }

    @Test
    void damagedKeyframesAreSkippedNeverThrown() {
        try (Watched watched = watch(Scene.STILL, MotionSettings.DEFAULT);
             RecordedVideo video = RecordedVideo.open(scenes.file(Scene.STILL))) {
            MotionWatch watch = watched.watch();
            AVPacket garbage = noise(4096);
            try {
                assertThat(watch.observe(garbage, Viewing.START)).as("not even H.264").isEmpty();
            } finally {
                av_packet_free(garbage);
            }
            assertThat(watch.framesAnalyzed()).isZero();

            List<MotionChange> changes = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            int[] keyframes = {0};
            video.forEachVideoPacket(packet -> {
                Instant at = Viewing.START.plus(video.shotAfterFirst(packet));
                boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                if (key && ++keyframes[0] % 3 == 0) {
                    // every third keyframe arrives with the second half of its slice data overwritten
                    AVPacket damaged = av_packet_clone(packet);
                    try {
                        assertThat(av_packet_make_writable(damaged)).isZero();
                        byte[] noise = new byte[damaged.size() / 2];
                        new Random(keyframes[0]).nextBytes(noise);
                        damaged.data().position(damaged.size() - noise.length).put(noise);
                        watch.observe(damaged, at).ifPresent(changes::add);
                    } finally {
                        av_packet_free(damaged);
                    }
                } else {
                    watch.observe(packet, at).ifPresent(changes::add);
                }
                if (key) {
                    scores.add(watch.lastScore());
                }
            });

            // analysed, a concealed half picture would have been a change on a still scene
            assertThat(watch.framesAnalyzed()).isEqualTo(keyframes[0] - keyframes[0] / 3);
            assertThat(scores).allSatisfy(score -> assertThat(score).isZero());
            assertThat(changes).isEmpty();
        }
    }

    private static AVPacket noise(int size) {
        AVPacket packet = av_packet_alloc();
        assertThat(av_new_packet(packet, size)).isZero();
        byte[] noise = new byte[size];
        new Random(7).nextBytes(noise);
        packet.data().put(noise);
        packet.flags(AV_PKT_FLAG_KEY);
        return packet;
    }

    @Test
    void closingTwiceIsFineAndAClosedWatchSeesNothing() {
        Watched watched = watch(Scene.MOVING, MotionSettings.DEFAULT);
        watched.watch().close();
        watched.watch().close();

        Viewing viewing = watched.viewing().play(scenes.file(Scene.MOVING));
        assertThat(viewing.changes()).isEmpty();
        assertThat(watched.watch().framesAnalyzed()).isZero();
        watched.close();
    }

    @Test
    void aStreamFfmpegCannotDecodeIsRefusedAtOpen() {
        AVCodecParameters nothing = avcodec_parameters_alloc();
        try {
            assertThatThrownBy(() -> MotionWatch.open(nothing, MotionSettings.DEFAULT, MotionTuning.DEFAULT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no decoder");
        } finally {
            avcodec_parameters_free(nothing);
        }
    }

    @Test
    void aTuningOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new MotionTuning(Duration.ofSeconds(-1), Duration.ZERO, 160)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new MotionTuning(Duration.ZERO, Duration.ZERO, 8)).hasMessageContaining("analysis width");
    }

    /** A watch opened on a recording's video parameters, the way a session opens it on the camera's stream. */
    private record Watched(MotionWatch watch, Viewing viewing) implements AutoCloseable {
        @Override
        public void close() {
            watch.close();
        }
    }

    private static Watched watch(Scene scene, MotionSettings settings) {
        try (RecordedVideo video = RecordedVideo.open(scenes.file(scene))) {
            MotionWatch watch = MotionWatch.open(video.video(), settings, MotionTuning.DEFAULT);
            return new Watched(watch, new Viewing(watch));
        }
    }
}
