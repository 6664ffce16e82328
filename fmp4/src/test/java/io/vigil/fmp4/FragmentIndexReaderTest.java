package io.vigil.fmp4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.vigil.fmp4.Mp4Boxes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentIndexReaderTest {

    private static final int VIDEO = 1;
    private static final int TIMESCALE = 12_800;
    /** 25 fps at 12 800 ticks per second. */
    private static final int FRAME = 512;

    @TempDir
    Path dir;

    @Test
    void indexesEachMoofWithTheMdatAfterIt() throws IOException {
        byte[] init = concat(ftyp(), videoMoov(0));
        byte[] first = fragment(0, 0, samples(25, FRAME), 5000);
        byte[] second = fragment(0, 25 * FRAME, samples(25, FRAME), 7000);
        byte[] third = fragment(0, 50 * FRAME, samples(10, FRAME), 3000);

        FragmentIndex index = FragmentIndexReader.read(write(init, first, second, third, box("mfra")));

        assertThat(index.initSize()).isEqualTo(init.length);
        assertThat(index.fragments()).containsExactly(
                new Fragment(init.length, first.length, 0, 1_000_000),
                new Fragment(init.length + first.length, second.length, 1_000_000, 1_000_000),
                new Fragment(init.length + first.length + second.length, third.length, 2_000_000, 400_000));
        assertThat(index.durationMicros()).isEqualTo(2_400_000);
    }

    @Test
    void startsAreRelativeToTheFirstFragmentWith64BitDecodeTimes() throws IOException {
        long base = 1L << 40; // beyond 32 bits, as a timeline anchored to wall-clock time would be
        byte[] first = fragment(1, base, samples(25, FRAME), 100);
        byte[] second = fragment(1, base + 25 * FRAME, samples(25, FRAME), 100);

        FragmentIndex index = FragmentIndexReader.read(write(ftyp(), videoMoov(0), first, second));

        assertThat(index.fragments()).extracting(Fragment::startMicros).containsExactly(0L, 1_000_000L);
    }

    @Test
    void takesSampleDurationsFromTfhdOrElseTrex() throws IOException {
        byte[] tfhdDefault = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF | TFHD_BASE_DATA_OFFSET | TFHD_DEFAULT_SAMPLE_DURATION, 1024),
                tfdt(0, 0), trunWithoutDurations(10)));
        byte[] trexDefault = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 10 * 1024), trunWithoutDurations(5)));

        FragmentIndex index = FragmentIndexReader.read(write(ftyp(), videoMoov(256), tfhdDefault, mdat(10), trexDefault, mdat(10)));

        assertThat(index.fragments()).extracting(Fragment::startMicros, Fragment::durationMicros).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 800_000L),
                org.assertj.core.groups.Tuple.tuple(800_000L, 100_000L));
    }

    @Test
    void timesTheFileByItsVideoTrackWhateverTheTrackOrder() throws IOException {
        byte[] moov = moov(trak(1, "soun", 48_000), trak(2, "vide", 90_000), mvex(trex(1, 0), trex(2, 0)));
        byte[] audio = traf(tfhd(1, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 0), trunWithDurations(samples(47, 1024)));
        byte[] video = traf(tfhd(2, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 0), trunWithDurations(samples(25, 3600)));

        FragmentIndex index = FragmentIndexReader.read(write(ftyp(), moov, moof(audio, video), mdat(100)));

        assertThat(index.fragments()).singleElement().extracting(Fragment::durationMicros).isEqualTo(1_000_000L);
    }

    @Test
    void indexesOnlyTheCompleteFragmentsOfAFileCutShort() throws IOException {
        byte[] init = concat(ftyp(), videoMoov(0));
        byte[] first = fragment(0, 0, samples(25, FRAME), 5000);
        byte[] second = fragment(0, 25 * FRAME, samples(25, FRAME), 5000);
        byte[] whole = concat(init, first, second);

        for (int cut : new int[] {init.length + first.length + 3, init.length + first.length + 300, whole.length - 1}) {
            FragmentIndex index = FragmentIndexReader.read(write(Arrays.copyOf(whole, cut)));
            assertThat(index.fragments()).as("cut at %d", cut)
                    .containsExactly(new Fragment(init.length, first.length, 0, 1_000_000));
        }
        assertThat(FragmentIndexReader.read(write(init)).fragments()).isEmpty();
    }

    @Test
    void refusesFilesThatAreNotFragmentedMp4() throws IOException {
        byte[] init = concat(ftyp(), videoMoov(0));
        Path text = write("just some text, long enough to look like a header\n".getBytes(StandardCharsets.US_ASCII));
        Path cutInit = write(Arrays.copyOf(init, init.length - 10));
        Path moofWithoutMdat = write(init, moof(traf(tfhd(VIDEO, 0, 0), tfdt(0, 0), trunWithDurations(FRAME))), box("free"));
        Path moofBeforeMoov = write(ftyp(), fragment(0, 0, samples(1, FRAME), 10), videoMoov(0));

        assertThatThrownBy(() -> FragmentIndexReader.read(text)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("not an MP4");
        assertThatThrownBy(() -> FragmentIndexReader.read(cutInit)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("no complete moov");
        assertThatThrownBy(() -> FragmentIndexReader.read(moofWithoutMdat)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("followed by free");
        assertThatThrownBy(() -> FragmentIndexReader.read(moofBeforeMoov)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("before any moov");
    }

    @Test
    void refusesATrunThatClaimsMoreSamplesThanItHolds() throws IOException {
        byte[] trun = trunWithDurations(FRAME, FRAME);
        trun[15] = 100; // sample_count: the low byte of the first field after version and flags
        byte[] moof = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(0, 0), trun));

        assertThatThrownBy(() -> FragmentIndexReader.read(write(ftyp(), videoMoov(0), moof, mdat(10))))
                .isInstanceOf(Mp4FormatException.class).hasMessageContaining("100 samples");
    }

    private static byte[] videoMoov(int trexDefaultDuration) {
        return moov(trak(VIDEO, "vide", TIMESCALE), mvex(trex(VIDEO, trexDefaultDuration)));
    }

    private static byte[] fragment(int tfdtVersion, long decodeTime, int[] durations, int mediaBytes) {
        byte[] moof = moof(traf(tfhd(VIDEO, TFHD_DEFAULT_BASE_IS_MOOF, 0), tfdt(tfdtVersion, decodeTime), trunWithDurations(durations)));
        return concat(moof, mdat(mediaBytes));
    }

    private Path write(byte[]... parts) throws IOException {
        return Files.write(Files.createTempFile(dir, "recording", ".mp4"), concat(parts));
    }
}
