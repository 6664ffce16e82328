package io.vigil.system;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The frame decoder the event tests judge recordings with, on clips whose content we know: made by the
 * same bundled ffmpeg, so this runs in a second without any service.
 */
class DecodedFramesTest {

    @Test
    void findsTheFirstFrameWhereAStillPictureStartsMoving(@TempDir Path dir) throws Exception {
        // 3 s of colour bars (not a pixel changes), then 2 s of a moving test picture
        Path clip = dir.resolve("still-then-moving.mp4");
        ffmpeg("-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=3",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
                "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]",
                "-c:v", "mpeg4", "-q:v", "2", "-g", "25", clip.toString());

        DecodedFrames frames = DecodedFrames.of(clip);

        assertThat(frames.frames()).hasSize(125);
        assertThat(frames.first().luma()).hasSize(DecodedFrames.WIDTH * DecodedFrames.HEIGHT);
        DecodedFrames.Frame moving = frames.firstChange(20, 0.005).orElseThrow();
        assertThat(moving.index()).isEqualTo(75);
        assertThat(moving.seconds() - frames.first().seconds()).isCloseTo(3.0, within(0.001));
    }

    @Test
    void aStillClipNeverChanges(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("still.mp4");
        ffmpeg("-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=2",
                "-c:v", "mpeg4", "-q:v", "2", "-g", "25", clip.toString());

        assertThat(DecodedFrames.of(clip).firstChange(20, 0.005)).isEmpty();
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-hide_banner", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(process.exitValue()).as("ffmpeg: %s", output).isZero();
    }
}
