package io.vigil.ingest.fragment;

import io.vigil.fmp4.Mp4FormatException;

import java.util.List;
import java.util.Optional;

/**
 * What a moof says about its video samples, in the video track's ticks: where they start on the
 * media timeline (tfdt), how long they last (trun durations, else the tfhd or trex default), and
 * whether the first one is a sync sample.
 */
record FragmentTiming(long decodeTime, long duration, boolean keyframe) {

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x2;
    private static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x8;
    private static final int TFHD_DEFAULT_SAMPLE_SIZE = 0x10;
    private static final int TFHD_DEFAULT_SAMPLE_FLAGS = 0x20;

    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    private static final int TRUN_SAMPLE_DURATION = 0x100;
    private static final int TRUN_SAMPLE_SIZE = 0x200;
    private static final int TRUN_SAMPLE_FLAGS = 0x400;
    private static final int TRUN_SAMPLE_COMPOSITION_OFFSET = 0x800;

    /** sample_is_non_sync_sample in the sample flags (ISO/IEC 14496-12 8.8.3.1). */
    private static final int NON_SYNC_SAMPLE = 0x1_0000;

    /** The timing of the video samples of {@code moofBytes}; empty when the fragment holds none (audio only). */
    static Optional<FragmentTiming> of(byte[] moofBytes, InitSegment init) {
        Mp4Box moof = Mp4Box.of(moofBytes);
        Optional<Mp4Box> videoTraf = moof.all("traf").stream()
                .filter(traf -> traf.require("tfhd").u32(4) == init.videoTrackId())
                .findFirst();
        if (videoTraf.isEmpty()) {
            return Optional.empty();
        }
        Mp4Box traf = videoTraf.get();
        Mp4Box tfhd = traf.require("tfhd");
        List<Mp4Box> truns = traf.all("trun");
        if (truns.isEmpty() || truns.get(0).u32(4) == 0) {
            return Optional.empty();
        }
        long defaultDuration = init.defaultSampleDuration();
        int defaultFlags = init.defaultSampleFlags();
        int flags = tfhd.flags();
        int at = 8; // version and flags, track_ID
        at += (flags & TFHD_BASE_DATA_OFFSET) != 0 ? 8 : 0;
        at += (flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0 ? 4 : 0;
        if ((flags & TFHD_DEFAULT_SAMPLE_DURATION) != 0) {
            defaultDuration = tfhd.u32(at);
            at += 4;
        }
        at += (flags & TFHD_DEFAULT_SAMPLE_SIZE) != 0 ? 4 : 0;
        if ((flags & TFHD_DEFAULT_SAMPLE_FLAGS) != 0) {
            defaultFlags = (int) tfhd.u32(at);
        }
        long duration = 0;
        for (Mp4Box trun : truns) {
            duration += duration(trun, defaultDuration);
        }
        boolean keyframe = (firstSampleFlags(truns.get(0), defaultFlags) & NON_SYNC_SAMPLE) == 0;
        return Optional.of(new FragmentTiming(decodeTime(traf), duration, keyframe));
    }

    private static long decodeTime(Mp4Box traf) {
        Mp4Box tfdt = traf.require("tfdt");
        return tfdt.version() == 1 ? tfdt.u64(4) : tfdt.u32(4);
    }

    private static long duration(Mp4Box trun, long defaultDuration) {
        int flags = trun.flags();
        long samples = trun.u32(4);
        if ((flags & TRUN_SAMPLE_DURATION) == 0) {
            if (defaultDuration == 0 && samples > 0) {
                throw new Mp4FormatException("trun states no sample durations and no default applies");
            }
            return samples * defaultDuration;
        }
        int first = firstSampleRecord(flags);
        int stride = sampleRecordSize(flags);
        long duration = 0;
        for (int sample = 0; sample < samples; sample++) {
            // the duration comes first in each sample's record
            duration += trun.u32(first + sample * stride);
        }
        return duration;
    }

    private static int firstSampleFlags(Mp4Box trun, int defaultFlags) {
        int flags = trun.flags();
        if ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0) {
            return (int) trun.u32(8 + ((flags & TRUN_DATA_OFFSET) != 0 ? 4 : 0));
        }
        if ((flags & TRUN_SAMPLE_FLAGS) != 0) {
            int at = firstSampleRecord(flags);
            at += (flags & TRUN_SAMPLE_DURATION) != 0 ? 4 : 0;
            at += (flags & TRUN_SAMPLE_SIZE) != 0 ? 4 : 0;
            return (int) trun.u32(at);
        }
        return defaultFlags;
    }

    /** Where the first per-sample record starts: after version and flags, sample count and the optional fields. */
    private static int firstSampleRecord(int flags) {
        return 8 + ((flags & TRUN_DATA_OFFSET) != 0 ? 4 : 0) + ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? 4 : 0);
    }

    private static int sampleRecordSize(int flags) {
        return 4 * Integer.bitCount(flags & (TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS
                | TRUN_SAMPLE_COMPOSITION_OFFSET));
    }
}
