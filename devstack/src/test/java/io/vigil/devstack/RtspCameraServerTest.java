package io.vigil.devstack;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks the cameras with FFmpeg, the way the ingest service will see them. */
class RtspCameraServerTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    /** At 5 a second: the scene switches after 2 s, and the last second is well after it. */
    private static final int FRAMES = 35;

    @TempDir
    static Path workDir;
    static RtspCameraServer cameras;

    @BeforeAll
    static void start() {
        cameras = RtspCameraServer.start(workDir, List.of(
                TestCamera.open("yard", Scene.MOVING),
                TestCamera.withPassword("door", Scene.STILL, "admin", "s3cret:/@")));
    }

    @AfterAll
    static void close() {
        cameras.close();
    }

    @Test
    void servesH264At720p() throws Exception {
        Result probe = ffprobe(cameras.url("yard"));

        assertThat(probe.exitCode()).as(probe.output()).isZero();
        assertH264At720pAnd25Fps(probe.output());
    }

    @Test
    void aProtectedCameraAnswers401WithoutCredentialsAndStreamsWithThem() throws Exception {
        String url = cameras.url("door");
        assertThat(url).startsWith("rtsp://admin:s3cret%3A%2F%40@127.0.0.1:");

        Result anonymous = ffprobe(url.replace("admin:s3cret%3A%2F%40@", ""));
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.output()).contains("401");

        Result wrongPassword = ffprobe(url.replace("s3cret%3A%2F%40", "guess"));
        assertThat(wrongPassword.output()).contains("401");

        Result authorised = ffprobe(url);
        assertThat(authorised.exitCode()).as(authorised.output()).isZero();
        assertH264At720pAnd25Fps(authorised.output());
    }

    @Test
    void aWatchedCameraSwitchesFromMovingToStill() throws Exception {
        cameras.setScene("yard", Scene.MOVING);
        Path frames = workDir.resolve("yard.gray");
        Process ffmpeg = new ProcessBuilder(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-v", "error", "-rtsp_transport", "tcp", "-analyzeduration", "1000000", "-i", cameras.url("yard"),
                "-vf", "fps=5,scale=" + WIDTH + ":" + HEIGHT + ",format=gray", "-frames:v", String.valueOf(FRAMES),
                "-f", "rawvideo", "-y", frames.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("ffmpeg.log").toFile()).start();
        // FFmpeg's first frames come out in a burst after it has probed the stream, a second or two late
        awaitFrames(frames, 10);

        cameras.setScene("yard", Scene.STILL);

        assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<byte[]> pictures = split(Files.readAllBytes(frames));
        assertThat(pictures).hasSize(FRAMES);
        assertThat(changedShare(pictures.get(2), pictures.get(7))).as("moving ball").isGreaterThan(0.005);
        assertThat(changedShare(pictures.get(FRAMES - 6), pictures.get(FRAMES - 1))).as("still bars").isLessThan(0.001);
        assertThat(cameras.scene("yard")).isEqualTo(Scene.STILL);
    }

    @Test
    void theCornerSceneMovesOnlyInTheTopLeftQuarter() throws Exception {
        cameras.setScene("yard", Scene.CORNER);
        Path frames = workDir.resolve("corner.gray");
        Process ffmpeg = new ProcessBuilder(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-v", "error", "-rtsp_transport", "tcp", "-analyzeduration", "1000000", "-i", cameras.url("yard"),
                "-vf", "fps=5,scale=" + WIDTH + ":" + HEIGHT + ",format=gray", "-frames:v", "10",
                "-f", "rawvideo", "-y", frames.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("ffmpeg-corner.log").toFile()).start();
        assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<byte[]> pictures = split(Files.readAllBytes(frames));
        byte[] a = pictures.get(3);
        byte[] b = pictures.get(8);
        int inCorner = 0;
        int elsewhere = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                if (Math.abs((a[i] & 0xff) - (b[i] & 0xff)) > 20) {
                    if (x < WIDTH / 2 && y < HEIGHT / 2) {
                        inCorner++;
                    } else {
                        elsewhere++;
                    }
                }
            }
        }
        assertThat(inCorner).as("the ball moves in the corner").isGreaterThan(WIDTH * HEIGHT / 400);
        assertThat(elsewhere).as("nothing moves outside it").isLessThan(WIDTH * HEIGHT / 2000);
    }

    @Test
    void keepsItsPortsAcrossAStopAndAStart() throws Exception {
        String before = cameras.url("yard");
        cameras.stop();
        assertThat(cameras.isRunning()).isFalse();
        assertThat(ffprobe(before).exitCode()).isNotZero();

        cameras.start();
        assertThat(cameras.url("yard")).isEqualTo(before);
        assertThat(ffprobe(before).exitCode()).isZero();
    }

    @Test
    void refusesUnknownCamerasAndIncompleteCredentials() {
        assertThatThrownBy(() -> cameras.setScene("garage", Scene.STILL)).hasMessageContaining("no test camera named garage");
        assertThatThrownBy(() -> new TestCamera("gate", Scene.STILL, "admin", null)).hasMessageContaining("both user and password");
        assertThat(TestCamera.withPassword("gate", Scene.STILL, "admin", "hunter2").toString()).doesNotContain("hunter2");
    }

    private record Result(int exitCode, String output) {
    }

    /**
     * ffprobe guesses r_frame_rate from the first timestamps: 25/1, or 25/2 when a starved test camera
     * dropped frames while it probed (it drops rather than falls behind real time); the clock stays 25.
     */
    private static void assertH264At720pAnd25Fps(String output) {
        assertThat(output.strip()).matches("h264,1280,720,25/[12]");
    }

    private static Result ffprobe(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Loader.load(org.bytedeco.ffmpeg.ffprobe.class),
                "-v", "error", "-rtsp_transport", "tcp", "-timeout", "10000000", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,r_frame_rate", "-of", "csv=p=0", url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static void awaitFrames(Path file, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (size(file) < (long) count * WIDTH * HEIGHT) {
            assertThat(System.nanoTime()).as("ffmpeg wrote no %d frames in time", count).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<byte[]> split(byte[] raw) {
        List<byte[]> pictures = new ArrayList<>();
        for (int offset = 0; offset + WIDTH * HEIGHT <= raw.length; offset += WIDTH * HEIGHT) {
            byte[] picture = new byte[WIDTH * HEIGHT];
            System.arraycopy(raw, offset, picture, 0, picture.length);
            pictures.add(picture);
        }
        return pictures;
    }

    /** The share of pixels whose brightness changed by more than 20: noise-proof, unlike a mean difference. */
    private static double changedShare(byte[] a, byte[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] & 0xff) - (b[i] & 0xff)) > 20) {
                changed++;
            }
        }
        return (double) changed / a.length;
    }
}
