package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import static io.vigil.fmp4.Mp4Boxes.*;
import static org.assertj.core.api.Assertions.assertThat;

class TrackFragmentTest {

    private static final int VIDEO = 1;
    private static final int FRAME = 3600;
    private static final Track TRACK = new Track(VIDEO, 90_000, 0, 0);

    @Test
    void readsTheTrafOfItsTrackAmongOthers() {
        byte[] audio = traf(tfhd(2, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 0), trunWithDurations(samples(47, 1024)));
        byte[] video = traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(1, 1L << 40),
                trunWithFirstSampleFlags(SYNC_SAMPLE, samples(25, FRAME)));

        TrackFragment fragment = TrackFragment.of(moof(audio, video), TRACK).orElseThrow();

        assertThat(fragment.decodeTime()).isEqualTo(1L << 40);
        assertThat(fragment.duration()).isEqualTo(25 * FRAME);
        assertThat(fragment.hasSamples()).isTrue();
        assertThat(fragment.startsWithSyncSample()).isTrue();
        assertThat(TrackFragment.of(moof(audio), TRACK)).isEmpty();
    }

    @Test
    void takesTheFirstSampleFlagsFromTheRunElseTfhdElseTrex() {
        byte[] ownFlag = traf(tfhd(VIDEO, 0, 0), tfdt(0, 0), trunWithFirstSampleFlags(NON_SYNC_SAMPLE, FRAME));
        byte[] sampleFlags = traf(tfhd(VIDEO, 0, 0), tfdt(0, 0), trunWithSampleFlags(NON_SYNC_SAMPLE, FRAME, FRAME));
        byte[] tfhdDefault = traf(tfhd(VIDEO, TFHD_DEFAULT_SAMPLE_FLAGS, 0, NON_SYNC_SAMPLE), tfdt(0, 0), trunWithoutDurations(2));
        byte[] tfhdOverTrex = traf(tfhd(VIDEO, TFHD_DEFAULT_SAMPLE_FLAGS, 0, SYNC_SAMPLE), tfdt(0, 0), trunWithoutDurations(2));
        byte[] trexDefault = traf(tfhd(VIDEO, 0, 0), tfdt(0, 0), trunWithoutDurations(2));
        Track nonSyncByDefault = new Track(VIDEO, 90_000, FRAME, NON_SYNC_SAMPLE);

        assertThat(syncStart(ownFlag, TRACK)).isFalse();
        assertThat(syncStart(sampleFlags, TRACK)).isFalse();
        assertThat(syncStart(tfhdDefault, TRACK)).isFalse();
        assertThat(syncStart(tfhdOverTrex, nonSyncByDefault)).isTrue();
        assertThat(syncStart(trexDefault, nonSyncByDefault)).isFalse();
        assertThat(syncStart(trexDefault, new Track(VIDEO, 90_000, FRAME, 0))).isTrue();
    }

    @Test
    void carriesNoSamplesWithoutARunOrWithAnEmptyFirstRun() {
        byte[] noRun = traf(tfhd(VIDEO, 0, 0), tfdt(0, 0));
        byte[] emptyRun = traf(tfhd(VIDEO, 0, 0), tfdt(0, 0), trunWithDurations());

        assertThat(TrackFragment.of(moof(noRun), TRACK).orElseThrow().hasSamples()).isFalse();
        assertThat(TrackFragment.of(moof(emptyRun), TRACK).orElseThrow().hasSamples()).isFalse();
    }

    @Test
    void lastsNothingWhenTfhdSaysItsDurationIsEmpty() {
        byte[] empty = traf(tfhd(VIDEO, TFHD_DURATION_IS_EMPTY, 0), tfdt(0, 90_000));

        TrackFragment fragment = TrackFragment.of(moof(empty), TRACK).orElseThrow();

        assertThat(fragment.decodeTime()).isEqualTo(90_000);
        assertThat(fragment.duration()).isZero();
    }

    private static boolean syncStart(byte[] traf, Track track) {
        return TrackFragment.of(moof(traf), track).orElseThrow().startsWithSyncSample();
    }
}
