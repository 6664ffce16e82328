package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real ffprobe (the one JavaCV bundles) judging what Vigil wrote: we don't trust our own headers. */
final class Ffprobe {

    private Ffprobe() {
    }

    /** Streams and format of a file, as ffprobe reports them; fails the test on any decoding error. */
    static JsonNode probe(Path file) {
        return run("-v", "error", "-print_format", "json", "-show_streams", "-show_format", file.toString());
    }

    /** Flags of the first video packet ("K__" for a keyframe). */
    static String firstVideoPacketFlags(Path file) {
        JsonNode packets = run("-v", "error", "-print_format", "json", "-select_streams", "v:0",
                "-read_intervals", "%+#1", "-show_entries", "packet=flags", file.toString()).path("packets");
        return packets.path(0).path("flags").asText();
    }

    /** The longest time between two consecutive video keyframes of a file, in seconds (0 with fewer than two). */
    static double longestKeyframeInterval(Path file) {
        JsonNode packets = run("-v", "error", "-print_format", "json", "-select_streams", "v:0",
                "-show_entries", "packet=pts_time,flags", file.toString()).path("packets");
        double longest = 0;
        double previous = Double.NaN;
        for (JsonNode packet : packets) {
            if (packet.path("flags").asText().startsWith("K")) {
                double at = packet.path("pts_time").asDouble();
                if (!Double.isNaN(previous)) {
                    longest = Math.max(longest, at - previous);
                }
                previous = at;
            }
        }
        return longest;
    }

    /** How many packets the stream ({@code v:0}, {@code a:0}) of the file (or HLS playlist) has. */
    static long packets(Path file, String stream) {
        JsonNode streams = run("-v", "error", "-print_format", "json", "-select_streams", stream, "-count_packets",
                "-show_entries", "stream=nb_read_packets", file.toString()).path("streams");
        return streams.path(0).path("nb_read_packets").asLong(-1);
    }

    /** Decodes every frame and returns ffprobe's error output (empty when the file is clean). */
    static String decodeErrors(Path file) {
        return runRaw("-v", "error", "-show_entries", "stream=nb_read_frames", "-count_frames", file.toString()).stderr;
    }

    private static JsonNode run(String... args) {
        Result result = runRaw(args);
        if (result.exitCode != 0) {
            throw new AssertionError("ffprobe failed (" + result.exitCode + "): " + result.stderr);
        }
        try {
            return new ObjectMapper().readTree(result.stdout);
        } catch (IOException e) {
            throw new AssertionError("ffprobe printed no JSON: " + result.stdout, e);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result runRaw(String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            command.addAll(List.of(args));
            // stderr to a file: reading two pipes in turn can deadlock when the unread one fills up
            Path errors = Files.createTempFile("ffprobe", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("ffprobe did not finish within 60 s");
                }
                return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run ffprobe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
