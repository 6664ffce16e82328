package io.vigil.indexer;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A real fragmented MP4 as the recorder writes them, made once per test JVM by JavaCV's bundled
 * FFmpeg: 5 s of 1280x720 at 25 fps, H.264 (OpenH264), a keyframe every second, one fragment per
 * keyframe.
 */
public final class SampleRecording {

    public static final int SECONDS = 5;
    private static Path made;

    private SampleRecording() {
    }

    /** Copies the sample to {@code target} (creating its folders) and returns it. */
    public static Path copyTo(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.copy(file(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample itself; do not modify it. */
    public static synchronized Path file() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static Path make() {
        try {
            Path file = Files.createTempDirectory("vigil-sample").resolve("sample.mp4");
            Process ffmpeg = new ProcessBuilder(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                    "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25", "-t", String.valueOf(SECONDS),
                    "-c:v", "libopenh264", "-g", "25",
                    "-movflags", "frag_keyframe+empty_moov+default_base_moof",
                    file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make the sample recording: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
