package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg process per camera, each reporting its progress (frames so far) to a file of its own.
 * Started with {@code -nostdin}; should the harness die, each ends when its camera's stream does.
 */
final class FfmpegFleet implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> progress = new ArrayList<>();

    static FfmpegFleet start(Baseline baseline, Path ffmpeg, LoopedCameras cameras, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        FfmpegFleet fleet = new FfmpegFleet();
        try {
            for (int camera = 1; camera <= count; camera++) {
                Path progressFile = dir.resolve("cam" + camera + ".progress");
                List<String> command = baseline.command(ffmpeg, cameras.url(camera), dir, camera, progressFile);
                fleet.progress.add(progressFile);
                fleet.processes.add(new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cam" + camera + ".log").toFile()))
                        .start());
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    long alive() {
        return processes.stream().filter(Process::isAlive).count();
    }

    /** Frames all of them have received so far (the last {@code frame=} of each progress file). */
    long frames() {
        long frames = 0;
        for (Path file : progress) {
            frames += lastFrame(file);
        }
        return frames;
    }

    private static long lastFrame(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.lastIndexOf("\nframe=");
            if (at < 0) {
                return 0;
            }
            int end = text.indexOf('\n', at + 1);
            return end < 0 ? 0 : Long.parseLong(text.substring(at + "\nframe=".length(), end).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** SIGTERM (ffmpeg finishes its files), then SIGKILL for any still running after 10 s. */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
