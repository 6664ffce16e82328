package io.vigil.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process that cannot outlive this JVM. It runs under a small shell guard that holds the read end
 * of a pipe whose write end only this JVM holds: when the pipe closes - on {@link #stop}, or because
 * this JVM died, even by {@code kill -9} - the guard sends the process its stop signal. Output goes
 * to a log file, never to our console.
 */
final class ChildProcess {

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

    /** {@code $1} is the stop signal, the rest the command; the guard's exit status is the command's. */
    private static final String GUARD = """
            sig=$1; shift
            exec 3<&0
            "$@" </dev/null &
            child=$!
            { cat <&3 >/dev/null; kill -s "$sig" "$child" 2>/dev/null; } &
            watcher=$!
            wait "$child"; status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;

    /**
     * A session of its own: Ctrl-C in a terminal signals the whole foreground process group, and
     * the stack must go down in order (services before Kafka), from our shutdown hook, not all at once.
     * {@code -w}: should setsid have to fork, it still ends when the command does.
     */
    private static final List<String> SETSID = List.of("setsid", "-w");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command}, appending its output to {@code log}; {@code stopSignal} is what a
     * graceful stop sends (TERM for a JVM, INT for PostgreSQL's fast shutdown).
     */
    static ChildProcess start(String name, List<String> command, Path log, String stopSignal) {
        return start(name, List.of(), command, Map.of(), log, stopSignal);
    }

    /**
     * As {@link #start(String, List, Path, String)}, with {@code environment} added to ours and the
     * guard itself run through {@code runAs} (say {@code runuser -u postgres --}), so that the stop
     * signal goes to the command itself and not to a wrapper that would translate it.
     */
    static ChildProcess start(String name, List<String> runAs, List<String> command, Map<String, String> environment,
                              Path log, String stopSignal) {
        List<String> guarded = new ArrayList<>(SETSID);
        guarded.addAll(runAs);
        guarded.addAll(List.of("/bin/sh", "-c", GUARD, "guard", stopSignal));
        guarded.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(guarded)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a program that talks with us over its stdin and stdout, its stderr going to
     * {@code log}. It gets no guard: it must end by itself when its stdin ends, which is what
     * {@link #stop} does and what happens when this JVM dies.
     */
    static ChildProcess startInteractive(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> detached = new ArrayList<>(SETSID);
            detached.addAll(command);
            Process process = new ProcessBuilder(detached)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion, its output to {@code log}; fails with the log's tail if it fails. */
    static void run(String name, List<String> command, Path log, long timeoutSeconds) {
        ChildProcess child = start(name, command, log, "KILL");
        try {
            if (!child.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                child.kill();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.kill();
            throw new IllegalStateException("interrupted while running " + name, e);
        } finally {
            child.closePipe();
        }
        if (child.process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + child.process.exitValue() + "):\n" + child.logTail());
        }
    }

    /** What we write to the process (interactive processes only). */
    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** What the process writes to us (interactive processes only). */
    InputStream stdout() {
        return process.getInputStream();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process to stop (its stop signal) and waits for it; kills it if it takes too long. */
    void stop(long timeoutSeconds) {
        closePipe();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL to the process and everything it started, as a power cut would. */
    void kill() {
        // the command is a grandchild: waiting for the guard alone would let a killed JVM still hold its ports
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": a killed process did not exit within 10 s");
        }
        closePipe();
    }

    /** The last lines of the log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private void closePipe() {
        try {
            OutputStream pipe = process.getOutputStream();
            pipe.close();
        } catch (IOException ignored) {
            // already closed: the guard has its signal
        }
    }
}
