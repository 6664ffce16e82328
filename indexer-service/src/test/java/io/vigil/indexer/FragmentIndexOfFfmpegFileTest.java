package io.vigil.indexer;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.fmp4.FragmentIndexReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fmp4 module's reader on what FFmpeg really writes, checked against the file's own bytes. */
class FragmentIndexOfFfmpegFileTest {

    @Test
    void indexesEveryKeyframeFragmentOfARealFile() throws IOException {
        byte[] file = Files.readAllBytes(SampleRecording.file());

        FragmentIndex index = FragmentIndexReader.read(SampleRecording.file());

        assertThat(typeAt(file, 0)).isEqualTo("ftyp");
        assertThat(typeAt(file, index.initSize())).isEqualTo("moof");
        assertThat(index.fragments()).hasSize(SampleRecording.SECONDS);
        List<Long> moofOffsets = topLevelOffsets(file, "moof");
        assertThat(index.fragments()).extracting(Fragment::offset).containsExactlyElementsOf(moofOffsets);
        for (Fragment fragment : index.fragments()) {
            long moofSize = uint32(file, fragment.offset());
            long mdatOffset = fragment.offset() + moofSize;
            assertThat(typeAt(file, mdatOffset)).isEqualTo("mdat");
            assertThat(fragment.size()).isEqualTo(moofSize + uint32(file, mdatOffset));
            assertThat(fragment.durationMicros()).isCloseTo(1_000_000, within(1_000L));
        }
        List<Fragment> fragments = index.fragments();
        for (int i = 0; i < fragments.size(); i++) {
            assertThat(fragments.get(i).startMicros()).isCloseTo(i * 1_000_000L, within(1_000L));
        }
        // after the last fragment FFmpeg writes only its mfra
        assertThat(typeAt(file, fragments.get(fragments.size() - 1).end())).isEqualTo("mfra");
        assertThat(FragmentIndex.decode(index.encode())).isEqualTo(index);
    }

    @Test
    void indexesACutFileUpToItsLastWholeFragment(@TempDir Path dir) throws IOException {
        byte[] file = Files.readAllBytes(SampleRecording.file());
        FragmentIndex whole = FragmentIndexReader.read(SampleRecording.file());
        Fragment third = whole.fragments().get(2);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(file, (int) (third.offset() + third.size() / 2)));

        FragmentIndex index = FragmentIndexReader.read(cut);

        assertThat(index.initSize()).isEqualTo(whole.initSize());
        assertThat(index.fragments()).containsExactlyElementsOf(whole.fragments().subList(0, 2));
    }

    private static List<Long> topLevelOffsets(byte[] file, String type) {
        List<Long> offsets = new ArrayList<>();
        for (long at = 0; at < file.length; at += uint32(file, at)) {
            if (typeAt(file, at).equals(type)) {
                offsets.add(at);
            }
        }
        return offsets;
    }

    private static String typeAt(byte[] file, long offset) {
        return new String(file, (int) offset + 4, 4, StandardCharsets.ISO_8859_1);
    }

    private static long uint32(byte[] file, long offset) {
        return ByteBuffer.wrap(file, (int) offset, 4).getInt() & 0xFFFF_FFFFL;
    }
}
