package io.vigil.system;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every frame of a file as the real ffmpeg (the one JavaCV bundles) decodes it, shrunk to a tiny
 * grayscale picture, with its presentation time: what a viewer would see, independent of Vigil's own
 * piece headers and catalog times.
 */
final class DecodedFrames {

    static final int WIDTH = 64;
    static final int HEIGHT = 36;

    /** One decoded picture: {@code seconds} is its presentation time in the file, {@code luma} WIDTH x HEIGHT bytes. */
    record Frame(int index, double seconds, byte[] luma) {
    }

    // showinfo logs one line per frame: "[Parsed_showinfo_2 @ 0x..] n:  75 pts:  38400 pts_time:3  ..."
    private static final Pattern SHOWINFO = Pattern.compile("\\bn:\\s*(\\d+)\\s+pts:\\s*(-?\\d+)\\s+pts_time:\\s*(-?[0-9.eE+-]+)");

    private final List<Frame> frames;

    private DecodedFrames(List<Frame> frames) {
        this.frames = List.copyOf(frames);
    }

    /** Decodes the first video stream of a file; fails the test when ffmpeg fails or decodes nothing. */
    static DecodedFrames of(Path file) {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        List<String> command = List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-v", "info",
                "-i", file.toString(), "-map", "0:v:0", "-an",
                "-vf", "scale=" + WIDTH + ":" + HEIGHT + ",format=gray,showinfo",
                // one output frame per decoded frame: no frame is duplicated or dropped to fit a rate
                "-fps_mode", "passthrough",
                "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1");
        try {
            // stderr to a file: reading two pipes in turn can deadlock when the unread one fills up
            Path log = Files.createTempFile("ffmpeg", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
                byte[] raw = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("ffmpeg did not finish decoding " + file + " within 60 s");
                }
                String stderr = Files.readString(log, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError("ffmpeg failed (" + process.exitValue() + ") on " + file + ": " + stderr);
                }
                return new DecodedFrames(frames(raw, times(stderr), file));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<Frame> frames() {
        return frames;
    }

    Frame first() {
        return frames.get(0);
    }

    /**
     * The first frame that differs from the one before it: more than {@code minShare} (0..1) of its
     * pixels changed brightness by more than {@code minDelta} (0..255). Empty when the picture never changes.
     */
    Optional<Frame> firstChange(int minDelta, double minShare) {
        for (int i = 1; i < frames.size(); i++) {
            if (changedShare(frames.get(i - 1), frames.get(i), minDelta) > minShare) {
                return Optional.of(frames.get(i));
            }
        }
        return Optional.empty();
    }

    /** Share (0..1) of the pixels whose brightness differs by more than {@code minDelta} between two frames. */
    static double changedShare(Frame a, Frame b, int minDelta) {
        int changed = 0;
        for (int i = 0; i < a.luma().length; i++) {
            if (Math.abs((a.luma()[i] & 0xff) - (b.luma()[i] & 0xff)) > minDelta) {
                changed++;
            }
        }
        return changed / (double) a.luma().length;
    }

    private static List<Double> times(String stderr) {
        List<Double> times = new ArrayList<>();
        Matcher matcher = SHOWINFO.matcher(stderr);
        while (matcher.find()) {
            times.add(Double.parseDouble(matcher.group(3)));
        }
        return times;
    }

    private static List<Frame> frames(byte[] raw, List<Double> times, Path file) {
        int size = WIDTH * HEIGHT;
        if (raw.length == 0 || raw.length % size != 0) {
            throw new AssertionError("ffmpeg decoded " + raw.length + " bytes of " + file + ", not whole " + WIDTH + "x" + HEIGHT + " frames");
        }
        int count = raw.length / size;
        if (count != times.size()) {
            throw new AssertionError("ffmpeg decoded " + count + " frames of " + file + " but reported times of " + times.size());
        }
        List<Frame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(new Frame(i, times.get(i), Arrays.copyOfRange(raw, i * size, (i + 1) * size)));
        }
        return frames;
    }
}
