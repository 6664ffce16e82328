package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import static io.vigil.fmp4.Mp4Boxes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoTrackTest {

    /** High profile (100), no constraint flags, level 4 (40). */
    private static final byte[] AVC_HIGH_4 = box("avcC", bytes(1, 100, 0, 40, 0xFF, 0xE1));

    @Test
    void readsTheVideoTrackOfAnInitSegmentWhateverTheTrackOrder() {
        byte[] moov = moov(trak(1, "soun", 48_000), videoTrak(2, 90_000, sampleEntry("avc1", 1920, 1080, AVC_HIGH_4)),
                mvex(trex(1, 1024), trex(2, 3000, NON_SYNC_SAMPLE)));

        VideoTrack video = VideoTrack.of(concat(ftyp(), moov));

        assertThat(video).isEqualTo(new VideoTrack(new Track(2, 90_000, 3000, NON_SYNC_SAMPLE), "avc1.640028", 1920, 1080));
    }

    @Test
    void refusesInitSegmentsWithoutAFragmentedVideoTrack() {
        byte[] video = videoTrak(1, 90_000, sampleEntry("avc1", 640, 480, AVC_HIGH_4));
        byte[] audioOnly = concat(ftyp(), moov(trak(1, "soun", 48_000), mvex(trex(1, 1024))));
        byte[] notFragmented = concat(ftyp(), moov(video));
        byte[] noSampleEntry = concat(ftyp(), moov(trak(1, "vide", 90_000), mvex(trex(1, 0))));

        assertThatThrownBy(() -> VideoTrack.of(ftyp())).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("no moov");
        assertThatThrownBy(() -> VideoTrack.of(audioOnly)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("no video track");
        assertThatThrownBy(() -> VideoTrack.of(notFragmented)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("not fragmented");
        assertThatThrownBy(() -> VideoTrack.of(noSampleEntry)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("has no stbl");
    }
}
