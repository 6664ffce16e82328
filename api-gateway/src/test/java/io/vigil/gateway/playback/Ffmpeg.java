package io.vigil.gateway.playback;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** JavaCV's bundled ffmpeg and ffprobe, run as a user would run them. */
final class Ffmpeg {

    /** What a run printed (stdout and stderr apart) and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    private Ffmpeg() {
    }

    static Run ffmpeg(String... arguments) {
        return run(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), arguments);
    }

    static Run ffprobe(String... arguments) {
        return run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), arguments);
    }

    /**
     * A fragmented MP4 as the recorder writes them: {@code seconds} of testsrc at 25 fps, H.264 by
     * OpenH264 (the LGPL build's encoder), a keyframe every second, one moof+mdat per keyframe.
     */
    static void record(Path file, int seconds, String size) {
        Run run = ffmpeg("-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=25", "-t", String.valueOf(seconds),
                "-c:v", "libopenh264", "-g", "25",
                "-movflags", "frag_keyframe+empty_moov+default_base_moof",
                file.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("ffmpeg could not make a recording: " + run.err());
        }
    }

    private static Run run(String executable, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        try {
            Path errors = java.nio.file.Files.createTempFile("vigil-ffmpeg", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
                }
                return new Run(process.exitValue(), out, java.nio.file.Files.readString(errors));
            } finally {
                java.nio.file.Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
