package io.vigil.ingest.session;

import java.net.URI;
import java.util.Locale;

/** What a source URL names, by scheme and path: how it is opened and what the status calls it. */
public enum SourceKind {
    RTSP("rtsp"),
    RTSPS("rtsps"),
    /** An HLS playlist (…m3u8): read segment by segment by Vigil, demuxed by FFmpeg. */
    HLS("hls"),
    /** Any other HTTP(S) media (…mp4): read by FFmpeg, with Range requests. */
    HTTP("http");

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SourceKind of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsps:")) {
            return RTSPS;
        }
        if (lower.startsWith("rtsp:")) {
            return RTSP;
        }
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = lower;
        }
        path = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return path.endsWith(".m3u8") || path.endsWith(".m3u") ? HLS : HTTP;
    }
}
