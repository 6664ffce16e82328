package io.vigil.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code java -Xmx512m -jar quarkus-run.jar}, as devstack runs them)
 * whose process id we know, so that pidstat and jcmd can look at it. It runs under a small shell
 * guard that holds our pipe: when we close it, or die, the guard sends the JVM SIGTERM.
 */
final class ServiceJvm implements AutoCloseable {

    private static final String GUARD = """
            exec 3<&0
            "$@" </dev/null &
            child=$!
            { cat <&3 >/dev/null; kill -s TERM "$child" 2>/dev/null; } &
            watcher=$!
            wait "$child"; status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process guard;
    private final ProcessHandle jvm;
    private final int port;
    private final Path log;

    private ServiceJvm(String name, Process guard, ProcessHandle jvm, int port, Path log) {
        this.name = name;
        this.guard = guard;
        this.jvm = jvm;
        this.port = port;
        this.log = log;
    }

    static ServiceJvm start(String name, Path jar, Map<String, String> environment, Path log) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not packaged: " + jar + " is missing");
        }
        Files.createDirectories(log.getParent());
        int port = LoopedCameras.freePort();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, "guard",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process guard = builder.start();
        ProcessHandle jvm = findJvm(guard);
        ServiceJvm service = new ServiceJvm(name, guard, jvm, port, log);
        try {
            service.awaitReady(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    long pid() {
        return jvm.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** GET {@code path}; fails on anything but 200. */
    String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + " to " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Metrics metrics() {
        return Metrics.parse(get("/q/metrics"));
    }

    /** A full collection, so that the heap in use is what is live, not what is waiting to be collected. */
    void collectGarbage() {
        Commands.output(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), "GC.run"), Map.of(), Duration.ofSeconds(60));
    }

    /** Resident memory now, from /proc. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " is gone: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** SIGTERM through the guard (Quarkus stops in order), SIGKILL after 30 s. */
    @Override
    public void close() {
        try (OutputStream pipe = guard.getOutputStream()) {
            pipe.flush();
        } catch (IOException e) {
            // the guard is gone already
        }
        try {
            if (!guard.waitFor(30, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
                guard.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jvm.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException(name + " ended at start:\n" + Commands.tail(log));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Commands.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The guard's child that is the JVM (its other child is the watcher subshell). */
    private static ProcessHandle findJvm(Process guard) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<ProcessHandle> jvm = guard.children()
                    .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                    .findFirst();
            if (jvm.isPresent()) {
                return jvm.get();
            }
            if (!guard.isAlive()) {
                break;
            }
            Commands.sleep(Duration.ofMillis(10));
        }
        guard.destroyForcibly();
        throw new IllegalStateException("the service JVM did not start");
    }
}
