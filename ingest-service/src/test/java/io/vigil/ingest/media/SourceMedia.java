package io.vigil.ingest.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * HLS and MP4 sources made by the bundled ffmpeg (H.264 from its test pattern, 320x240 at 25 fps, a
 * keyframe every second, so every segment is one GOP), in one directory:
 * <ul>
 *   <li>{@code ts.m3u8}: VOD, MPEG-TS segments of 1 s ({@link #VOD_SECONDS} s);</li>
 *   <li>{@code fmp4.m3u8}: the same as fragmented MP4 with an init map;</li>
 *   <li>{@code aes.m3u8}: MPEG-TS encrypted with plain AES-128, key {@code aes.key};</li>
 *   <li>{@code sample-aes.m3u8}: the TS playlist declaring METHOD=SAMPLE-AES (DRM);</li>
 *   <li>{@code master.m3u8}: a master playlist, a low variant at forbidden/ and the TS one higher;</li>
 *   <li>{@code clip.mp4}: {@link #VOD_SECONDS} s, moov at the end (read with Range requests);</li>
 *   <li>{@code long.mp4}: {@link #LONG_SECONDS} s, moov first, for imports to watch and cancel;</li>
 *   <li>{@code live_NNN.ts}: {@link #LIVE_SEGMENTS} segments of 1 s to reveal one by one as a live playlist;</li>
 *   <li>{@code aac.m3u8}: VOD, MPEG-TS segments of H.264 with AAC audio (a 440 Hz tone, 48 kHz mono);</li>
 *   <li>{@code cenc.mp4}: {@link #VOD_SECONDS} s encrypted by ffmpeg with common encryption (encv, sinf/schm cenc, senc);</li>
 *   <li>{@code pssh.mp4}: clip.mp4 with a Widevine {@code pssh} box added to its moov (samples in the clear).</li>
 * </ul>
 */
public final class SourceMedia {

    public static final int VOD_SECONDS = 6;
    public static final int LONG_SECONDS = 40;
    public static final int LIVE_SEGMENTS = 40;
    private static final String PATTERN = "testsrc=size=320x240:rate=25";
    private static final String TONE = "sine=frequency=440:sample_rate=48000";

    private static SourceMedia shared;
    private final Path dir;

    private SourceMedia(Path dir) {
        this.dir = dir;
    }

    /** The media made once per test JVM (ffmpeg takes seconds) under target/, for every test class that serves it. */
    public static synchronized SourceMedia shared() throws IOException {
        if (shared == null) {
            Path target = Files.createDirectories(Path.of("target")).toAbsolutePath();
            shared = make(Files.createTempDirectory(target, "source-media-"));
        }
        return shared;
    }

    public static SourceMedia make(Path dir) throws IOException {
        SourceMedia media = new SourceMedia(dir);
        media.hls("ts", VOD_SECONDS, List.of());
        media.hls("fmp4", VOD_SECONDS, List.of("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "fmp4_init.mp4"));
        media.aes();
        media.hls("live", LIVE_SEGMENTS, List.of());
        String ts = Files.readString(dir.resolve("ts.m3u8"));
        Files.writeString(dir.resolve("sample-aes.m3u8"), ts.replace("#EXT-X-MEDIA-SEQUENCE:0",
                "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://key\",KEYFORMAT=\"identity\""));
        Files.writeString(dir.resolve("master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=150000,RESOLUTION=160x120
                ../forbidden/ts.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=320x240
                ts.m3u8
                """);
        media.mp4("clip.mp4", VOD_SECONDS, List.of());
        media.mp4("long.mp4", LONG_SECONDS, List.of("-movflags", "+faststart"));
        media.hls("aac", VOD_SECONDS, List.of("-c:a", "aac", "-ac", "1"));
        media.mp4("cenc.mp4", VOD_SECONDS, List.of("-encryption_scheme", "cenc-aes-ctr",
                "-encryption_key", "76a6c65c5ea762046bd749a2e632ccbb", "-encryption_kid", "a7e61c373e219033c21091fa607bf3b8"));
        Files.write(dir.resolve("pssh.mp4"), Mp4Boxes.withPsshInMoov(Files.readAllBytes(dir.resolve("clip.mp4")),
                HexFormat.of().parseHex(Mp4Boxes.WIDEVINE)));
        return media;
    }

    public Path dir() {
        return dir;
    }

    /**
     * A live playlist over the live segments: {@code visible} of them published so far, the newest four
     * listed, numbered by media sequence; no EXT-X-ENDLIST until all are out.
     */
    public static String livePlaylist(int visible) {
        int shown = Math.min(LIVE_SEGMENTS, visible);
        int first = Math.max(0, shown - 4);
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:")
                .append(first).append('\n');
        for (int n = first; n < shown; n++) {
            text.append("#EXTINF:1.000000,\n").append(String.format("live_%03d.ts", n)).append('\n');
        }
        if (shown == LIVE_SEGMENTS) {
            text.append("#EXT-X-ENDLIST\n");
        }
        return text.toString();
    }

    private void hls(String name, int seconds, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", PATTERN));
        if (extra.contains("aac")) {
            args.addAll(List.of("-f", "lavfi", "-i", TONE));
        }
        args.addAll(List.of("-t", String.valueOf(seconds), "-c:v", "libopenh264", "-g", "25"));
        args.addAll(extra);
        args.addAll(List.of("-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_playlist_type", "vod"));
        boolean fmp4 = extra.contains("fmp4");
        args.addAll(List.of("-hls_segment_filename", dir.resolve(name + (fmp4 ? "_%03d.m4s" : "_%03d.ts")).toString(),
                dir.resolve(name + ".m3u8").toString()));
        FfmpegTools.ffmpeg(args);
    }

    private void aes() throws IOException {
        byte[] key = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        Files.write(dir.resolve("aes.key"), key);
        Path info = dir.resolve("aes.keyinfo");
        Files.writeString(info, "aes.key\n" + dir.resolve("aes.key") + "\n", StandardCharsets.UTF_8);
        hls("aes", VOD_SECONDS, List.of("-hls_key_info_file", info.toString()));
    }

    private void mp4(String name, int seconds, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", PATTERN, "-t", String.valueOf(seconds),
                "-c:v", "libopenh264", "-g", "25"));
        args.addAll(extra);
        args.addAll(List.of("-f", "mp4", dir.resolve(name).toString()));
        FfmpegTools.ffmpeg(args);
    }
}
