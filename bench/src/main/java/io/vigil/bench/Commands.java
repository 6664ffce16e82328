package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short external commands run to completion: gst-launch, ffprobe, pidstat, jcmd. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command}, its output to {@code log}; fails with the log's tail when it fails. */
    static void run(List<String> command, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            finish(process, command, timeout);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + "): " + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code command} and returns what it printed on stdout; its stderr is dropped. */
    static String output(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            Process process = builder.start();
            // read while it runs: a full pipe would block it
            byte[] out = process.getInputStream().readAllBytes();
            finish(process, command, timeout);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + ")");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static void finish(Process process, List<String> command, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
