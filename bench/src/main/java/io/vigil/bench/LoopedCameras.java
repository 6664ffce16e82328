package io.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many RTSP cameras for almost no CPU: {@code bench/camera/looped_cameras.py} serves the
 * {@link SourceClip} looped on mounts {@code cam1..camN} of one GStreamer RTSP server, without
 * decoding or encoding. It runs with Debian's {@code /usr/bin/python3} (the only interpreter the
 * GStreamer bindings load in) and ends when its stdin closes: when we close it, or when we die.
 */
final class LoopedCameras implements AutoCloseable {

    private final Process process;
    private final int port;

    private LoopedCameras(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoopedCameras start(Path script, SourceClip clip, int mounts, Path log) throws Exception {
        int port = freePort();
        Process process = new ProcessBuilder("/usr/bin/python3", "-u", script.toString(),
                clip.file().toString(), String.valueOf(port), String.valueOf(mounts))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        LoopedCameras cameras = new LoopedCameras(process, port);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            answer = null;
        }
        if (!"ready".equals(answer)) {
            cameras.close();
            throw new IllegalStateException("the looped RTSP cameras did not start; see " + log + ":\n" + Commands.tail(log));
        }
        return cameras;
    }

    /** Mount {@code n}, counted from 1. */
    String url(int n) {
        return "rtsp://127.0.0.1:" + port + "/cam" + n;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
