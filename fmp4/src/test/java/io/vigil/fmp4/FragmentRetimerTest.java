package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static io.vigil.fmp4.Mp4Boxes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentRetimerTest {

    private static final int VIDEO = 1;
    private static final int AUDIO = 2;
    private static final int FRAME = 3600;        // 25 fps at 90 kHz
    private static final int AUDIO_FRAME = 1024;  // AAC at 48 kHz
    private static final byte[] INIT = concat(ftyp(), moov(
            trak(VIDEO, "vide", 90_000), trak(AUDIO, "soun", 48_000), mvex(trex(VIDEO, 0), trex(AUDIO, 0))));

    @Test
    void startsAtZeroAndKeepsTheDistancesOfOneTimeline() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);
        long base = 1L << 40; // far into a long session, beyond 32 bits

        byte[] first = retimer.retime(videoMoof(7, base, 25), false);
        byte[] second = retimer.retime(videoMoof(8, base + 25 * FRAME, 25), false);
        // the camera dropped two seconds inside the session: the gap stays
        byte[] third = retimer.retime(videoMoof(9, base + 75 * FRAME, 25), false);

        assertThat(decodeTime(first, VIDEO)).isZero();
        assertThat(decodeTime(second, VIDEO)).isEqualTo(25 * FRAME);
        assertThat(decodeTime(third, VIDEO)).isEqualTo(75 * FRAME);
        assertThat(List.of(sequence(first), sequence(second), sequence(third))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void continuesANewSessionWhereThePreviousOneEnded() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);

        retimer.retime(videoMoof(40, 900_000, 25), false);
        byte[] session2 = retimer.retime(videoMoof(1, 0, 25), true);
        byte[] next = retimer.retime(videoMoof(2, 25 * FRAME, 25), false);

        assertThat(decodeTime(session2, VIDEO)).isEqualTo(25 * FRAME);
        assertThat(decodeTime(next, VIDEO)).isEqualTo(50 * FRAME);
        assertThat(sequence(next)).isEqualTo(3);
    }

    @Test
    void aTimelineThatWouldGoBackIsTakenForANewOne() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);

        retimer.retime(videoMoof(1, 90_000, 25), false);
        byte[] restarted = retimer.retime(videoMoof(1, 0, 25), false);

        assertThat(decodeTime(restarted, VIDEO)).isEqualTo(25 * FRAME);
    }

    @Test
    void movesAudioWithVideoSoTheyStayInSync() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);
        // audio starts 0.1 s before video in the first session, with it in the second
        byte[] first = retimer.retime(avMoof(10 * 90_000, 10 * 48_000 - 4_800), false);
        byte[] second = retimer.retime(avMoof(0, 0), true);

        // the earlier track (audio) starts the clip at 0; video keeps its 0.1 s lead-in
        assertThat(decodeTime(first, AUDIO)).isZero();
        assertThat(decodeTime(first, VIDEO)).isEqualTo(9_000);
        // after one second of each: video ends at 1.1 s, audio at 1024*47/48000 = 1.0027 s; the video
        // end decides (it is the later), the second session's video starts there and audio keeps its offset
        assertThat(decodeTime(second, VIDEO)).isEqualTo(9_000 + 25 * FRAME);
        long audioEnd = 47L * AUDIO_FRAME;
        assertThat(decodeTime(second, AUDIO)).isGreaterThanOrEqualTo(audioEnd).isEqualTo(Math.round(1.1 * 48_000));
    }

    @Test
    void leavesEverythingButTheTimesAndSequenceAlone() {
        byte[] moof = videoMoof(5, 123_456, 25);
        byte[] rewritten = new FragmentRetimer(INIT).retime(moof, false);

        assertThat(rewritten).hasSameSizeAs(moof);
        assertThat(TrackFragment.of(rewritten, new Track(VIDEO, 90_000, 0, 0)).orElseThrow().duration()).isEqualTo(25 * FRAME);
        assertThat(decodeTime(moof, VIDEO)).isEqualTo(123_456); // the input is not touched
        int differing = 0;
        for (int i = 0; i < moof.length; i++) {
            differing += moof[i] != rewritten[i] ? 1 : 0;
        }
        assertThat(differing).isLessThanOrEqualTo(4 + 8);
    }

    @Test
    void rewritesA32BitTfdtInPlaceAndRefusesWhatItCannotHold() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);
        byte[] small = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 180_000), trunWithDurations(samples(25, FRAME))));

        assertThat(decodeTime(retimer.retime(small, false), VIDEO)).isZero();

        FragmentRetimer far = new FragmentRetimer(INIT);
        far.retime(videoMoof(1, 0, 25), false);
        far.retime(videoMoof(2, 1L << 32, 25), false); // a gap kept inside the timeline takes it past 32 bits
        assertThatThrownBy(() -> far.retime(small, true)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("32-bit");
    }

    @Test
    void refusesFragmentsItCannotMove() {
        FragmentRetimer retimer = new FragmentRetimer(INIT);
        byte[] absolute = moof(traf(tfhd(VIDEO, TFHD_BASE_DATA_OFFSET, 0), tfdt(1, 0), trunWithDurations(FRAME)));
        byte[] unknownTrack = moof(traf(tfhd(9, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(1, 0), trunWithDurations(FRAME)));

        assertThatThrownBy(() -> retimer.retime(absolute, false)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> retimer.retime(unknownTrack, false)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("track 9");
        assertThatThrownBy(() -> retimer.retime(mdat(10), false)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("moof");
        assertThatThrownBy(() -> new FragmentRetimer(ftyp())).isInstanceOf(Mp4FormatException.class);
    }

    private static byte[] videoMoof(int sequence, long decodeTime, int frames) {
        byte[] moof = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(1, decodeTime),
                trunWithFirstSampleFlags(SYNC_SAMPLE, samples(frames, FRAME))));
        ByteBuffer.wrap(moof).putInt(8 + 12, sequence); // mfhd's sequence_number
        return moof;
    }

    private static byte[] avMoof(long videoTime, long audioTime) {
        return moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(1, videoTime), trunWithDurations(samples(25, FRAME))),
                traf(tfhd(AUDIO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(1, audioTime), trunWithDurations(samples(47, AUDIO_FRAME))));
    }

    private static long decodeTime(byte[] moof, int trackId) {
        BoxView traf = BoxView.of(moof).children("traf").stream()
                .filter(t -> t.require("tfhd").u32(4) == trackId).findFirst().orElseThrow();
        BoxView tfdt = traf.require("tfdt");
        return tfdt.version() == 1 ? tfdt.u64(4) : tfdt.u32(4);
    }

    private static long sequence(byte[] moof) {
        return BoxView.of(moof).require("mfhd").u32(4);
    }
}
