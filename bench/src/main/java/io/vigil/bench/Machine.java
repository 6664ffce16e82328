package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the machine was doing besides the benchmark, and what was measured: for the report. */
final class Machine {

    private Machine() {
    }

    /** {@code uptime}'s line: the load averages say how busy the machine was around the run. */
    static String uptime() {
        return run(List.of("uptime"), Path.of("."));
    }

    /** The commit measured, marked when the working tree differs from it. */
    static String commit(Path repository) {
        String head = run(List.of("git", "rev-parse", "--short", "HEAD"), repository);
        String dirty = run(List.of("git", "status", "--porcelain", "--untracked-files=no"), repository);
        return dirty.isBlank() ? head : head + " (with uncommitted changes)";
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(" + command.get(0) + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
