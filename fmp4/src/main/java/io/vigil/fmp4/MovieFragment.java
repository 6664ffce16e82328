package io.vigil.fmp4;

import java.nio.ByteBuffer;

/**
 * The timing of one moof for the video track, in that track's ticks: where it starts on the media
 * timeline (tfdt) and how long its samples last (trun durations, else the tfhd or trex default).
 */
record MovieFragment(long decodeTime, long duration) {

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x2;
    private static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x8;
    private static final int TFHD_DURATION_IS_EMPTY = 0x1_0000;

    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    private static final int TRUN_SAMPLE_DURATION = 0x100;
    private static final int TRUN_SAMPLE_SIZE = 0x200;
    private static final int TRUN_SAMPLE_FLAGS = 0x400;
    private static final int TRUN_SAMPLE_COMPOSITION_OFFSET = 0x800;

    static MovieFragment of(BoxView moof, VideoTrack track) {
        BoxView traf = moof.children("traf").stream()
                .filter(candidate -> BoxView.uint32(candidate.require("tfhd").fullBoxBody(), 0) == track.trackId())
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("moof has no traf for track " + track.trackId()));
        BoxView tfhd = traf.require("tfhd");
        if ((tfhd.flags() & TFHD_DURATION_IS_EMPTY) != 0) {
            return new MovieFragment(decodeTime(traf), 0);
        }
        long defaultDuration = defaultSampleDuration(tfhd, track);
        long duration = 0;
        for (BoxView trun : traf.children("trun")) {
            duration += duration(trun, defaultDuration);
        }
        return new MovieFragment(decodeTime(traf), duration);
    }

    private static long decodeTime(BoxView traf) {
        BoxView tfdt = traf.require("tfdt");
        ByteBuffer body = tfdt.fullBoxBody();
        return tfdt.version() == 1 ? BoxView.int64(body, 0) : BoxView.uint32(body, 0);
    }

    private static long defaultSampleDuration(BoxView tfhd, VideoTrack track) {
        int flags = tfhd.flags();
        if ((flags & TFHD_DEFAULT_SAMPLE_DURATION) == 0) {
            return track.defaultSampleDuration();
        }
        int at = 4; // after track_ID
        at += (flags & TFHD_BASE_DATA_OFFSET) != 0 ? 8 : 0;
        at += (flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0 ? 4 : 0;
        return BoxView.uint32(tfhd.fullBoxBody(), at);
    }

    private static long duration(BoxView trun, long defaultDuration) {
        int flags = trun.flags();
        ByteBuffer body = trun.fullBoxBody();
        long sampleCount = BoxView.uint32(body, 0);
        if ((flags & TRUN_SAMPLE_DURATION) == 0) {
            if (defaultDuration == 0 && sampleCount > 0) {
                throw new Mp4FormatException("trun states no sample durations and no default applies");
            }
            return sampleCount * defaultDuration;
        }
        int at = 4;
        at += (flags & TRUN_DATA_OFFSET) != 0 ? 4 : 0;
        at += (flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? 4 : 0;
        int stride = 4 * Integer.bitCount(flags & (TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS
                | TRUN_SAMPLE_COMPOSITION_OFFSET));
        if (sampleCount * stride > body.remaining() - at) {
            throw new Mp4FormatException("trun announces " + sampleCount + " samples but holds fewer");
        }
        long duration = 0;
        for (int sample = 0; sample < sampleCount; sample++) {
            // the duration comes first in each sample's record
            duration += BoxView.uint32(body, at + sample * stride);
        }
        return duration;
    }
}
