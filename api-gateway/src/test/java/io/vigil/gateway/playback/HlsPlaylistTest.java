package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.gateway.recording.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vigil.gateway.playback.Footages.footage;
import static org.assertj.core.api.Assertions.assertThat;

class HlsPlaylistTest {

    @Test
    void writesByteRangesOfEachFileBehindItsInitWithTheWallClockAndDiscontinuities() {
        Footage a = footage(11, "2026-01-01T10:00:00.040Z", "s1", 3);
        Footage b = footage(12, "2026-01-01T10:00:03.040Z", "s1", 2);
        Footage c = footage(13, "2026-01-01T10:01:00Z", "s2", "avc1.64001f", 1280, 720, 1_960_000, 1_000_000);
        PlaybackPlan plan = PlaybackPlanner.plan(List.of(a, b, c),
                new TimeRange(Instant.parse("2026-01-01T10:00:01.500Z"), Instant.parse("2026-01-01T10:01:02Z"))).orElseThrow();

        String m3u8 = HlsPlaylist.write(plan, id -> "/api/recordings/" + id + "/media");

        assertThat(m3u8).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="/api/recordings/11/media",BYTERANGE="800@0"
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T10:00:01.040Z
                #EXTINF:1.000000,
                #EXT-X-BYTERANGE:10000@10800
                /api/recordings/11/media
                #EXTINF:1.000000,
                #EXT-X-BYTERANGE:10000@20800
                /api/recordings/11/media
                #EXT-X-MAP:URI="/api/recordings/12/media",BYTERANGE="800@0"
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T10:00:03.040Z
                #EXTINF:1.000000,
                #EXT-X-BYTERANGE:10000@800
                /api/recordings/12/media
                #EXTINF:1.000000,
                #EXT-X-BYTERANGE:10000@10800
                /api/recordings/12/media
                #EXT-X-DISCONTINUITY
                #EXT-X-MAP:URI="/api/recordings/13/media",BYTERANGE="800@0"
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T10:01:00.000Z
                #EXTINF:1.960000,
                #EXT-X-BYTERANGE:10000@800
                /api/recordings/13/media
                #EXTINF:1.000000,
                #EXT-X-BYTERANGE:10000@10800
                /api/recordings/13/media
                #EXT-X-ENDLIST
                """);
    }

    @Test
    void theTargetDurationIsTheLongestSegmentRoundedUp() {
        Footage file = new Footage(1, "cam/1.mp4", Instant.parse("2026-01-01T10:00:00Z"), "s1", "avc1.64001f", 1280, 720,
                new FragmentIndex(800, List.of(new Fragment(800, 100, 0, 1_000_000), new Fragment(900, 100, 1_000_000, 4_000_001))));
        PlaybackPlan plan = PlaybackPlanner.plan(List.of(file),
                new TimeRange(Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:01:00Z"))).orElseThrow();

        assertThat(HlsPlaylist.targetDuration(plan)).isEqualTo(5);
        assertThat(HlsPlaylist.write(plan, id -> "m")).contains("#EXT-X-TARGETDURATION:5\n").contains("#EXTINF:4.000001,\n");
    }
}
