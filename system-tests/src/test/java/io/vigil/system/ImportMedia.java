package io.vigil.system;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The VOD sources the import tests serve, made by the bundled ffmpeg from its test sources: H.264
 * (OpenH264) 320x240 at 25 fps with a keyframe every second, in one directory:
 * <ul>
 *   <li>{@code ts.m3u8}: HLS, MPEG-TS segments of 1 s, with AAC audio (a 440 Hz tone), {@link #SECONDS} s;</li>
 *   <li>{@code fmp4.m3u8}: HLS, fragmented-MP4 segments with an init map, video only, {@link #SECONDS} s;</li>
 *   <li>{@code clip.mp4}: a progressive MP4 (moov at the end), {@link #SECONDS} s;</li>
 *   <li>{@code long.mp4}: {@link #LONG_SECONDS} s, moov first, served slowly to cancel and to crash.</li>
 * </ul>
 */
final class ImportMedia {

    static final int SECONDS = 8;
    static final int LONG_SECONDS = 40;
    private static final String PATTERN = "testsrc=size=320x240:rate=25";

    private ImportMedia() {
    }

    static Path make(Path dir) throws IOException {
        Files.createDirectories(dir);
        ffmpeg(List.of("-f", "lavfi", "-i", PATTERN, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(SECONDS), "-c:v", "libopenh264", "-g", "25", "-c:a", "aac", "-ac", "1",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_playlist_type", "vod",
                "-hls_segment_filename", dir.resolve("ts_%03d.ts").toString(), dir.resolve("ts.m3u8").toString()));
        ffmpeg(List.of("-f", "lavfi", "-i", PATTERN, "-t", String.valueOf(SECONDS), "-c:v", "libopenh264", "-g", "25",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "fmp4_init.mp4",
                "-hls_segment_filename", dir.resolve("fmp4_%03d.m4s").toString(), dir.resolve("fmp4.m3u8").toString()));
        ffmpeg(List.of("-f", "lavfi", "-i", PATTERN, "-t", String.valueOf(SECONDS), "-c:v", "libopenh264", "-g", "25",
                "-f", "mp4", dir.resolve("clip.mp4").toString()));
        ffmpeg(List.of("-f", "lavfi", "-i", PATTERN, "-t", String.valueOf(LONG_SECONDS), "-c:v", "libopenh264",
                "-g", "25", "-movflags", "+faststart", "-f", "mp4", dir.resolve("long.mp4").toString()));
        return dir;
    }

    private static void ffmpeg(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        Path log = Files.createTempFile("ffmpeg", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
