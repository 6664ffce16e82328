package io.vigil.indexer.probe;

import io.quarkus.runtime.Startup;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.metrics.IndexerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs FFmpeg's ffprobe, the executable bundled with JavaCV, on a recording. A separate process
 * keeps a file that trips FFmpeg from taking the service down with it, and the timeout keeps a
 * file that hangs it from stalling indexing.
 */
@ApplicationScoped
@Startup
public class Ffprobe {

    private static final List<String> ARGUMENTS = List.of(
            "-v", "error", "-print_format", "json", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,avg_frame_rate,r_frame_rate:format=duration");

    /** Drains the process's output while waiting for it, so a full pipe never blocks it. */
    private static final ExecutorService PIPES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ffprobe-pipe");
        thread.setDaemon(true);
        return thread;
    });

    private final String executable;
    private final Duration timeout;
    private final IndexerMetrics metrics;

    @Inject
    Ffprobe(IndexerConfig config, IndexerMetrics metrics) {
        this(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), config.probeTimeout(), metrics);
    }

    Ffprobe(String executable, Duration timeout, IndexerMetrics metrics) {
        this.executable = executable;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    public ProbeResult probe(Path file) throws ProbeException {
        long started = System.nanoTime();
        try {
            return run(file);
        } catch (ProbeException e) {
            metrics.probeFailed();
            throw e;
        } finally {
            metrics.probed(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private ProbeResult run(Path file) throws ProbeException {
        Process process;
        try {
            process = new ProcessBuilder(command(file)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        CompletableFuture<byte[]> output = drain(process.getInputStream());
        CompletableFuture<byte[]> errors = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ProbeException("ffprobe did not finish within " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                String message = new String(errors.get(), StandardCharsets.UTF_8).strip();
                throw new ProbeException("ffprobe failed (exit " + process.exitValue() + "): "
                        + (message.isEmpty() ? "no message" : lastLine(message)));
            }
            return ProbeResult.parse(output.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while waiting for ffprobe");
        } catch (ExecutionException e) {
            throw new ProbeException("cannot read ffprobe's output: " + e.getCause());
        }
    }

    private List<String> command(Path file) {
        List<String> command = new ArrayList<>(ARGUMENTS.size() + 2);
        command.add(executable);
        command.addAll(ARGUMENTS);
        // "file:" keeps FFmpeg from reading a protocol or an option into the name
        command.add("file:" + file.toAbsolutePath());
        return command;
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, PIPES);
    }

    /** FFmpeg's last line names the actual failure ("...: Invalid data found when processing input"). */
    private static String lastLine(String message) {
        return message.substring(message.lastIndexOf('\n') + 1);
    }
}
