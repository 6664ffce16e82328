package io.vigil.fmp4;

/**
 * One trun of a track fragment: a run of samples, each with a record of the optional fields its
 * flags announce (duration, size, flags, composition offset, in that order).
 */
final class TrackRun {

    private static final int DATA_OFFSET = 0x1;
    private static final int FIRST_SAMPLE_FLAGS = 0x4;
    private static final int SAMPLE_DURATION = 0x100;
    private static final int SAMPLE_SIZE = 0x200;
    private static final int SAMPLE_FLAGS = 0x400;
    private static final int SAMPLE_COMPOSITION_OFFSET = 0x800;

    private final BoxView trun;
    private final int flags;

    TrackRun(BoxView trun) {
        this.trun = trun;
        this.flags = trun.flags();
    }

    /** After version and flags. */
    long sampleCount() {
        return trun.u32(4);
    }

    /** Sum of its sample durations, each {@code defaultDuration} when the run states none. */
    long duration(long defaultDuration) {
        long samples = sampleCount();
        if ((flags & SAMPLE_DURATION) == 0) {
            if (defaultDuration == 0 && samples > 0) {
                throw new Mp4FormatException("trun states no sample durations and no default applies");
            }
            return samples * defaultDuration;
        }
        int first = firstSampleRecord();
        int stride = sampleRecordSize();
        if (samples * stride > trun.size() - first) {
            throw new Mp4FormatException("trun announces " + samples + " samples but holds fewer");
        }
        long duration = 0;
        for (int sample = 0; sample < samples; sample++) {
            // the duration comes first in each sample's record
            duration += trun.u32(first + sample * stride);
        }
        return duration;
    }

    /** The flags of its first sample: its own field, else its record's, else {@code defaultFlags}. */
    int firstSampleFlags(int defaultFlags) {
        if ((flags & FIRST_SAMPLE_FLAGS) != 0) {
            return (int) trun.u32(8 + ((flags & DATA_OFFSET) != 0 ? 4 : 0));
        }
        if ((flags & SAMPLE_FLAGS) != 0) {
            int at = firstSampleRecord();
            at += (flags & SAMPLE_DURATION) != 0 ? 4 : 0;
            at += (flags & SAMPLE_SIZE) != 0 ? 4 : 0;
            return (int) trun.u32(at);
        }
        return defaultFlags;
    }

    /** Where the first per-sample record starts: after version and flags, sample count and the optional fields. */
    private int firstSampleRecord() {
        return 8 + ((flags & DATA_OFFSET) != 0 ? 4 : 0) + ((flags & FIRST_SAMPLE_FLAGS) != 0 ? 4 : 0);
    }

    private int sampleRecordSize() {
        return 4 * Integer.bitCount(flags & (SAMPLE_DURATION | SAMPLE_SIZE | SAMPLE_FLAGS | SAMPLE_COMPOSITION_OFFSET));
    }
}
