package io.vigil.fmp4;

import java.util.List;
import java.util.Optional;

/**
 * What a moof says about one track's samples (its traf), in that track's ticks: where they start
 * on the media timeline (tfdt), how long they last (trun durations, else the tfhd or trex
 * default) and whether the first is a sync sample. Fields are read when asked for, so a reader
 * that needs only the timing never trips over the rest.
 */
public final class TrackFragment {

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x2;
    private static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x8;
    private static final int TFHD_DEFAULT_SAMPLE_SIZE = 0x10;
    private static final int TFHD_DEFAULT_SAMPLE_FLAGS = 0x20;
    private static final int TFHD_DURATION_IS_EMPTY = 0x1_0000;

    /** sample_is_non_sync_sample in the sample flags (ISO/IEC 14496-12 8.8.3.1). */
    private static final int NON_SYNC_SAMPLE = 0x1_0000;

    private final BoxView traf;
    private final BoxView tfhd;
    private final Track track;

    private TrackFragment(BoxView traf, Track track) {
        this.traf = traf;
        this.tfhd = traf.require("tfhd");
        this.track = track;
    }

    /** The part of {@code moof} (a whole moof box) about {@code track}; empty when it has none. */
    public static Optional<TrackFragment> of(byte[] moof, Track track) {
        return BoxView.of(moof).children("traf").stream()
                .filter(traf -> traf.require("tfhd").u32(4) == track.id())
                .findFirst()
                .map(traf -> new TrackFragment(traf, track));
    }

    /** The traf {@code traf} (already known to be about {@code track}) as a track fragment. */
    static TrackFragment of(BoxView traf, Track track) {
        return new TrackFragment(traf, track);
    }

    /** The decode time of its first sample (tfdt), in track ticks. */
    public long decodeTime() {
        BoxView tfdt = traf.require("tfdt");
        return tfdt.version() == 1 ? tfdt.u64(4) : tfdt.u32(4);
    }

    /** Whether it carries samples: a fragment with no run, or an empty first run, carries none. */
    public boolean hasSamples() {
        List<BoxView> truns = traf.children("trun");
        return !truns.isEmpty() && new TrackRun(truns.get(0)).sampleCount() > 0;
    }

    /** How long its samples play, in track ticks; 0 when tfhd says the fragment is an empty span. */
    public long duration() {
        if ((tfhd.flags() & TFHD_DURATION_IS_EMPTY) != 0) {
            return 0;
        }
        long defaultDuration = defaultField(TFHD_DEFAULT_SAMPLE_DURATION).orElse(track.defaultSampleDuration());
        long duration = 0;
        for (BoxView trun : traf.children("trun")) {
            duration += new TrackRun(trun).duration(defaultDuration);
        }
        return duration;
    }

    /** Whether its first sample is a sync sample (a keyframe); call only when it {@link #hasSamples()}. */
    public boolean startsWithSyncSample() {
        int defaultFlags = defaultField(TFHD_DEFAULT_SAMPLE_FLAGS).map(Long::intValue).orElse(track.defaultSampleFlags());
        TrackRun first = new TrackRun(traf.require("trun"));
        return (first.firstSampleFlags(defaultFlags) & NON_SYNC_SAMPLE) == 0;
    }

    /**
     * One of tfhd's optional defaults, present when its flag is set. They follow track_ID in flag
     * order: base data offset (8 bytes), sample description index, duration, size, flags (4 each).
     */
    private Optional<Long> defaultField(int field) {
        int flags = tfhd.flags();
        if ((flags & field) == 0) {
            return Optional.empty();
        }
        int at = 8; // version and flags, track_ID
        at += (flags & TFHD_BASE_DATA_OFFSET) != 0 ? 8 : 0;
        at += (flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0 ? 4 : 0;
        at += field > TFHD_DEFAULT_SAMPLE_DURATION && (flags & TFHD_DEFAULT_SAMPLE_DURATION) != 0 ? 4 : 0;
        at += field > TFHD_DEFAULT_SAMPLE_SIZE && (flags & TFHD_DEFAULT_SAMPLE_SIZE) != 0 ? 4 : 0;
        return Optional.of(tfhd.u32(at));
    }
}
