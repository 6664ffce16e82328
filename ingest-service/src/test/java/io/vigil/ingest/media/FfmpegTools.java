package io.vigil.ingest.media;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The ffmpeg and ffprobe executables bundled with JavaCV, for making and checking real media in tests. */
public final class FfmpegTools {

    private FfmpegTools() {
    }

    /**
     * H.264 (OpenH264) from FFmpeg's test pattern, 320x240 at 25 fps, as a file in {@code dir}.
     *
     * @param muxerArgs output options, e.g. {@code -movflags frag_keyframe+empty_moov+default_base_moof}
     */
    public static byte[] testPattern(Path dir, double seconds, int gop, String... muxerArgs) throws IOException {
        Path output = Files.createTempFile(dir, "pattern", ".mp4");
        List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-t", String.valueOf(seconds), "-c:v", "libopenh264", "-g", String.valueOf(gop)));
        command.addAll(List.of(muxerArgs));
        command.addAll(List.of("-f", "mp4", output.toString()));
        run(command);
        return Files.readAllBytes(output);
    }

    /** H.264 video and AAC audio (a 440 Hz tone) from FFmpeg's test sources, as a file in {@code dir}. */
    public static Path testPatternWithSound(Path dir, double seconds, int gop) throws IOException {
        Path output = Files.createTempFile(dir, "pattern-sound", ".mkv");
        run(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds), "-c:v", "libopenh264", "-g", String.valueOf(gop), "-c:a", "aac",
                output.toString()));
        return output;
    }

    /** ffprobe's {@code codec_type=codec_name} of every stream of the file. */
    public static List<String> streams(Path file) throws IOException {
        return run(List.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error",
                "-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0:nk=1", file.toString()))
                .lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** ffprobe's {@code key=value} lines for the first video stream and its packet count. */
    public static String probe(Path file) throws IOException {
        return run(List.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error",
                "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=codec_name,profile,level,width,height,nb_read_packets",
                "-of", "default=noprint_wrappers=1", file.toString()));
    }

    /** ffprobe's {@code key=value} lines for the first audio stream and its packet count. */
    public static String probeAudio(Path file) throws IOException {
        return run(List.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error",
                "-select_streams", "a:0", "-count_packets",
                "-show_entries", "stream=codec_name,sample_rate,channels,nb_read_packets",
                "-of", "default=noprint_wrappers=1", file.toString()));
    }

    /** Runs the bundled ffmpeg with {@code args} (after -hide_banner -loglevel error -y). */
    public static void ffmpeg(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        run(command);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
