package io.vigil.gateway.playback;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;

/**
 * Writes a plan as an HLS VOD media playlist (RFC 8216, version 7) over the recordings as they lie
 * on the volume: each file's init segment is the EXT-X-MAP, each fragment a byte range of the file.
 * Nothing is copied or transcoded; a player fetches the ranges from the recording media endpoint.
 */
public final class HlsPlaylist {

    public static final String MEDIA_TYPE = "application/vnd.apple.mpegurl";

    private static final DateTimeFormatter PROGRAM_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private HlsPlaylist() {
    }

    /** @param mediaUri the URI of a recording's bytes, by recording id */
    public static String write(PlaybackPlan plan, LongFunction<String> mediaUri) {
        StringBuilder m3u8 = new StringBuilder(plan.fragments().size() * 96 + 256);
        m3u8.append("#EXTM3U\n")
                .append("#EXT-X-VERSION:7\n")
                .append("#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-TARGETDURATION:").append(targetDuration(plan)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n")
                // every fragment starts with a keyframe (the recorder cuts at keyframes)
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        String uri = null;
        for (PlannedFragment segment : plan.fragments()) {
            if (segment.newFile()) {
                uri = mediaUri.apply(segment.file().recordingId());
            }
            if (segment.discontinuity()) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            if (segment.newFile()) {
                m3u8.append("#EXT-X-MAP:URI=\"").append(uri).append("\",BYTERANGE=\"")
                        .append(segment.file().index().initSize()).append("@0\"\n");
            }
            // the first segment is always of a new file
            if (segment.newFile() || segment.discontinuity()) {
                m3u8.append("#EXT-X-PROGRAM-DATE-TIME:").append(PROGRAM_DATE_TIME.format(segment.start())).append('\n');
            }
            m3u8.append("#EXTINF:");
            seconds(m3u8, segment.durationMicros());
            m3u8.append(",\n")
                    .append("#EXT-X-BYTERANGE:").append(segment.fragment().size()).append('@')
                    .append(segment.fragment().offset()).append('\n')
                    .append(uri).append('\n');
        }
        return m3u8.append("#EXT-X-ENDLIST\n").toString();
    }

    /** The longest segment, rounded up to whole seconds (RFC 8216 §4.3.3.1 asks at least its rounding). */
    static long targetDuration(PlaybackPlan plan) {
        long longest = plan.fragments().stream().mapToLong(PlannedFragment::durationMicros).max().orElse(0);
        return Math.max(1, (longest + 999_999) / 1_000_000);
    }

    /** Seconds with six decimals, written directly: a day's playlist has 86 400 of them. */
    private static void seconds(StringBuilder out, long micros) {
        String fraction = Long.toString(micros % 1_000_000);
        out.append(micros / 1_000_000).append('.').append("000000", fraction.length(), 6).append(fraction);
    }
}
